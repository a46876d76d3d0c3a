#ifndef SESTERCE_CNCURSES_SHIM_H
#define SESTERCE_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, without which the wide-character
// API (add_wch, setcchar, get_wch) is not declared.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <ncurses.h>

// Macros and globals are invisible or unsafe from Swift 6: wrap them.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }

// newterm on the process's own stdout/stdin: unlike initscr it returns NULL
// for an unknown terminal type instead of exiting. The stdio globals are
// shared mutable state to Swift 6, hence the wrapper.
static inline SCREEN *cn_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

#endif
