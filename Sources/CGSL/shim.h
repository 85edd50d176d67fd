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
static inline int fleetsim_format_fixed(char *buffer, size_t size, int decimals, double value) {
    return snprintf(buffer, size, "%.*f", decimals, value);
}

#endif
