// Shim for the GNU Scientific Library.
//
// Swift 6 refuses to read mutable C globals (they are not concurrency-safe), and GSL exposes
// its generator types as globals (`gsl_rng_mt19937`, ...). Each is wrapped here in a
// `static inline` function so Swift can reach it as a plain call.
#ifndef FLEETSIM_CGSL_SHIM_H
#define FLEETSIM_CGSL_SHIM_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static inline const gsl_rng_type *fleetsim_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *fleetsim_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *fleetsim_rng_ranlxs0(void) { return gsl_rng_ranlxs0; }
static inline const gsl_rng_type *fleetsim_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *fleetsim_rng_gfsr4(void) { return gsl_rng_gfsr4; }
static inline const gsl_rng_type *fleetsim_rng_ran3(void) { return gsl_rng_ran3; }

// GSL's default error handler calls abort(); the simulator validates its inputs itself and
// wants a returned status instead, so the handler is switched off once at start-up.
static inline void fleetsim_gsl_disable_abort(void) { gsl_set_error_handler_off(); }

// `%.*f` for the report writers (Reporting's NumberText): Swift cannot call the variadic
// snprintf, and `withVaList` boxes each argument and looks up its conformance at run time,
// which cost more than the conversion itself (docs/performance.md, "Reports"). Not GSL, but
// this is the project's one C shim.
//
// The values reports print (below 9e12 in magnitude, at most 9 decimals, x 10^d below 2^63)
// skip printf's multi-precision conversion (two thirds of its time in a profile): `%.*f`
// prints x x 10^d rounded to an integer, and a finite double is m x 2^-k with m a 53-bit
// integer, so that integer is (m x 10^d) / 2^k rounded, computed exactly in 128 bits. Rounding is half to
// even on the exact value, as glibc's printf does in the default rounding mode (C11 7.21.6.1
// leaves ties to the implementation; glibc rounds by the current mode). A negative value keeps
// its sign even when it rounds to zero ("-0.00"), as printf does. Tested against
// `String(format:)` on random doubles of every exponent, ties included
// (NumberTextPrintfTests).
static inline int fleetsim_format_fixed(char *buffer, size_t size, int decimals, double value) {
    static const uint64_t powers[10] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
                                        10000000ull, 100000000ull, 1000000000ull};
    double a = fabs(value);
    if (decimals < 0 || decimals > 9 || size < 32 || !(a < 9.0e12)) {
        return snprintf(buffer, size, "%.*f", decimals, value);
    }
    int exponent = 0;
    double fraction = frexp(a, &exponent);            // a = fraction x 2^exponent, fraction in [0.5, 1)
    uint64_t m = (uint64_t)ldexp(fraction, 53);       // exact: 53 significant bits
    int shift = 53 - exponent;                        // a = m x 2^-shift; a < 2^43, so shift >= 10
    unsigned __int128 n = (unsigned __int128)m * powers[decimals];   // < 2^83
    uint64_t q = 0;
    if (shift < 128) {
        unsigned __int128 one = 1;
        unsigned __int128 rem = n & ((one << shift) - 1);
        unsigned __int128 half = one << (shift - 1);
        unsigned __int128 wide = n >> shift;
        if (wide >= ((unsigned __int128)1 << 63)) return snprintf(buffer, size, "%.*f", decimals, value);
        q = (uint64_t)wide;
        if (rem > half || (rem == half && (q & 1))) q += 1;
    }                                                 // else n < 2^83 < half: rounds to 0
    char digits[24];
    int count = 0;
    uint64_t whole = q / powers[decimals], part = q % powers[decimals];
    do { digits[count++] = (char)('0' + whole % 10); whole /= 10; } while (whole > 0);
    int length = 0;
    if (signbit(value)) buffer[length++] = '-';
    while (count > 0) buffer[length++] = digits[--count];
    if (decimals > 0) {
        buffer[length++] = '.';
        for (int i = decimals - 1; i >= 0; i--) { buffer[length + i] = (char)('0' + part % 10); part /= 10; }
        length += decimals;
    }
    buffer[length] = 0;
    return length;
}

// mt19937 with GSL's exact draws, seeded lazily (docs/performance.md, "Random streams").
//
// GSL's mt19937 (`gsl_rng_alloc` + `gsl_rng_set`) zeroes a 5 KB state, seeds all 624 words
// twice (once with the default seed inside `gsl_rng_alloc`, once with ours) and twists all
// 624 at the first draw. The simulator makes a stream per entity and purpose and draws one
// to three numbers from most of them, so that set-up was a fifth of a 10,000-guest run.
//
// This generator runs GSL's own code (mt.c: `mt_set`, `mt_get`) in the same order, but only
// as far as the draws need: seed word i is computed when first read, and the first twist
// advances one word per draw (word k of the first twist reads the seed words k, k + 1 and,
// for k < 227, k + 397, and, for k >= 227, twisted word k - 227, exactly as GSL's in-place
// loop does). From the 625th draw on it twists whole blocks like GSL. Same outputs, same
// `max`, `min`, `get_double`, so every gsl_ran_* function draws the same numbers;
// StochasticsTests compare it with gsl_rng_mt19937 draw for draw.
#include <stdint.h>
#include <stdlib.h>

#define FLEETSIM_MT_N 624
#define FLEETSIM_MT_M 397

typedef struct {
    uint32_t mt[FLEETSIM_MT_N];
    int mti;      // next word to temper and return; FLEETSIM_MT_N: twist a block first
    int seeded;   // seed words mt[0 ..< seeded] are computed
    int twisted;  // words mt[0 ..< twisted] of the first twist are done; N: first twist over
} fleetsim_lazy_mt_state;

static inline void fleetsim_lazy_mt_seed_to(fleetsim_lazy_mt_state *s, int count) {
    int i = s->seeded;
    if (i >= count) return;
    uint32_t *mt = s->mt;
    uint32_t prev = mt[i - 1];
    for (; i < count; i++) {
        prev = 1812433253U * (prev ^ (prev >> 30)) + (uint32_t)i;
        mt[i] = prev;
    }
    s->seeded = count;
}

static inline uint32_t fleetsim_lazy_mt_magic(uint32_t y) { return (y & 0x1) ? 0x9908b0dfU : 0; }

static void fleetsim_lazy_mt_set(void *vstate, unsigned long int seed) {
    fleetsim_lazy_mt_state *s = (fleetsim_lazy_mt_state *)vstate;
    if (seed == 0) seed = 4357;
    s->mt[0] = (uint32_t)(seed & 0xffffffffUL);
    s->seeded = 1;
    s->twisted = 0;
    s->mti = 0;
}

static inline unsigned long int fleetsim_lazy_mt_get(void *vstate) {
    fleetsim_lazy_mt_state *s = (fleetsim_lazy_mt_state *)vstate;
    uint32_t *mt = s->mt;
    const uint32_t upper = 0x80000000U, lower = 0x7fffffffU;
    if (s->twisted < FLEETSIM_MT_N) {
        // First twist, one word per draw: word kk = mti.
        int kk = s->mti;
        if (kk < FLEETSIM_MT_N - FLEETSIM_MT_M) {
            fleetsim_lazy_mt_seed_to(s, kk + FLEETSIM_MT_M + 1);
            uint32_t y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + FLEETSIM_MT_M] ^ (y >> 1) ^ fleetsim_lazy_mt_magic(y);
        } else if (kk < FLEETSIM_MT_N - 1) {
            fleetsim_lazy_mt_seed_to(s, kk + 2);
            uint32_t y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + (FLEETSIM_MT_M - FLEETSIM_MT_N)] ^ (y >> 1) ^ fleetsim_lazy_mt_magic(y);
        } else {
            uint32_t y = (mt[FLEETSIM_MT_N - 1] & upper) | (mt[0] & lower);
            mt[FLEETSIM_MT_N - 1] = mt[FLEETSIM_MT_M - 1] ^ (y >> 1) ^ fleetsim_lazy_mt_magic(y);
        }
        s->twisted = kk + 1;
    } else if (s->mti >= FLEETSIM_MT_N) {
        int kk;
        for (kk = 0; kk < FLEETSIM_MT_N - FLEETSIM_MT_M; kk++) {
            uint32_t y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + FLEETSIM_MT_M] ^ (y >> 1) ^ fleetsim_lazy_mt_magic(y);
        }
        for (; kk < FLEETSIM_MT_N - 1; kk++) {
            uint32_t y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + (FLEETSIM_MT_M - FLEETSIM_MT_N)] ^ (y >> 1) ^ fleetsim_lazy_mt_magic(y);
        }
        {
            uint32_t y = (mt[FLEETSIM_MT_N - 1] & upper) | (mt[0] & lower);
            mt[FLEETSIM_MT_N - 1] = mt[FLEETSIM_MT_M - 1] ^ (y >> 1) ^ fleetsim_lazy_mt_magic(y);
        }
        s->mti = 0;
    }
    uint32_t k = mt[s->mti];
    k ^= (k >> 11);
    k ^= (k << 7) & 0x9d2c5680U;
    k ^= (k << 15) & 0xefc60000U;
    k ^= (k >> 18);
    s->mti++;
    return k;
}

static double fleetsim_lazy_mt_get_double(void *vstate) {
    return fleetsim_lazy_mt_get(vstate) / 4294967296.0;
}

static const gsl_rng_type fleetsim_lazy_mt_type = {
    "mt19937", 0xffffffffUL, 0, sizeof(fleetsim_lazy_mt_state),
    &fleetsim_lazy_mt_set, &fleetsim_lazy_mt_get, &fleetsim_lazy_mt_get_double
};

// One allocation for the gsl_rng and its state (no zeroing: the state is written before it is
// read); free it with fleetsim_lazy_mt_free, not gsl_rng_free. NULL when out of memory.
typedef struct {
    gsl_rng rng;
    fleetsim_lazy_mt_state state;
} fleetsim_lazy_mt_block;

static inline gsl_rng *fleetsim_lazy_mt_alloc(unsigned long int seed) {
    fleetsim_lazy_mt_block *block = (fleetsim_lazy_mt_block *)malloc(sizeof(fleetsim_lazy_mt_block));
    if (block == NULL) return NULL;
    block->rng.type = &fleetsim_lazy_mt_type;
    block->rng.state = &block->state;
    fleetsim_lazy_mt_set(&block->state, seed);
    return &block->rng;
}

static inline void fleetsim_lazy_mt_free(gsl_rng *rng) { free(rng); }

// Direct draws for the Swift side (no call through the type's function pointers).
static inline double fleetsim_lazy_mt_uniform(gsl_rng *rng) {
    return fleetsim_lazy_mt_get(rng->state) / 4294967296.0;
}

#endif
