/// The measurements the suite makes; each file adds the ones of one stage of
/// the dashboard's flow (decode, reduce, render).
enum Benchmarks {}
