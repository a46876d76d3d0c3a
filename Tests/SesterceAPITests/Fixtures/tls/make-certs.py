"""Writes the certificates of TransportErrorTests (python3 make-certs.py, with the
`cryptography` package); the PEM files it wrote are committed. One P-256 key
(key.pem) serves every certificate:

- ca.pem           a test certificate authority (trusted by the tests' own client only)
- valid.pem        127.0.0.1, from the test CA, valid until 2120
- expired.pem      127.0.0.1, from the test CA, valid in January 2020 only
- other-name.pem   other.example, from the test CA, valid until 2120
- self-signed.pem  127.0.0.1, self-signed, valid until 2120
"""
import datetime
import ipaddress

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

key = ec.generate_private_key(ec.SECP256R1())
utc = datetime.timezone.utc
start = datetime.datetime(2020, 1, 1, tzinfo=utc)
expired_end = datetime.datetime(2020, 2, 1, tzinfo=utc)
end = datetime.datetime(2120, 1, 1, tzinfo=utc)
loopback = [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
ca_name = "sesterce-dash test CA"


def certificate(subject, issuer, names, not_after, ca=False):
    def name(common):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    builder = (
        x509.CertificateBuilder()
        .subject_name(name(subject))
        .issuer_name(name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                key_encipherment=False, data_encipherment=False, key_agreement=False,
                encipher_only=False, decipher_only=False),
            critical=True)
    return builder.sign(key, hashes.SHA256())


files = {
    "ca.pem": certificate(ca_name, ca_name, None, end, ca=True),
    "valid.pem": certificate("127.0.0.1", ca_name, loopback, end),
    "expired.pem": certificate("127.0.0.1", ca_name, loopback, expired_end),
    "other-name.pem": certificate("other.example", ca_name, [x509.DNSName("other.example")], end),
    "self-signed.pem": certificate("127.0.0.1", "127.0.0.1", loopback, end),
}
for file, cert in files.items():
    with open(file, "wb") as out:
        out.write(cert.public_bytes(serialization.Encoding.PEM))
with open("key.pem", "wb") as out:
    out.write(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
