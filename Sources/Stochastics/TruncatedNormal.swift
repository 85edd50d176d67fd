import CGSL

/// The standard normal Z restricted to the window [alpha, beta] (alpha may be -inf, beta
/// +inf): a normal(mean, stddev, min, max) is mean + stddev * Z with
/// alpha = (min - mean)/stddev, beta = (max - mean)/stddev.
///
/// Sampling is by inversion (Devroye, "Non-Uniform Random Variate Generation", 1986, II.2):
/// u uniform between the CDF values at the bounds, x = CDF^-1(u). To keep precision in the
/// upper tail, a window with alpha >= 0 is inverted through the upper tail function
/// Q = 1 - Phi (`gsl_cdf_ugaussian_Q` / `gsl_cdf_ugaussian_Qinv`), where Q(alpha) is small
/// but exact, instead of through Phi, where 1 - Phi(alpha) would round to 0 beyond about 8.3
/// standard deviations. Windows below the mean use Phi (`gsl_cdf_ugaussian_P` / `_Pinv`), which
/// is accurate in the lower tail.
///
/// Past `inversionLimit` standard deviations the tail mass approaches the smallest doubles, so
/// sampling switches to rejection: GSL's exact tail sampler `gsl_ran_ugaussian_tail` (rejecting
/// draws above beta), or, when the window is narrow compared with the tail's decay length
/// 1/alpha, a uniform proposal on the window accepted with probability exp((alpha^2 - z^2)/2)
/// (C. P. Robert, "Simulation of truncated normal variables", Statistics and Computing 5,
/// 1995). Either way the acceptance rate stays above about 1 - 1/e resp. 1/e.
struct TruncatedStandardNormal {
    let alpha: Double
    let beta: Double

    /// Q(30) is about 5e-198: far from underflow, and well past any window a scenario needs.
    static let inversionLimit = 30.0

    init(mean: Double, stddev: Double, min: Double?, max: Double?) {
        alpha = min.map { ($0 - mean) / stddev } ?? -.infinity
        beta = max.map { ($0 - mean) / stddev } ?? .infinity
    }

    /// CDF^-1(u) of the truncated variable, u in [0, 1]; nil when the window lies beyond
    /// `inversionLimit` (its quantiles are then not computed).
    func inverseCDF(_ u: Double) -> Double? {
        let x: Double
        if alpha >= 0 {
            guard alpha < Self.inversionLimit else { return nil }
            let qa = gsl_cdf_ugaussian_Q(alpha), qb = gsl_cdf_ugaussian_Q(beta)
            x = gsl_cdf_ugaussian_Qinv(qa - u * (qa - qb))
        } else {
            guard beta > -Self.inversionLimit else { return nil }
            let pa = gsl_cdf_ugaussian_P(alpha), pb = gsl_cdf_ugaussian_P(beta)
            x = gsl_cdf_ugaussian_Pinv(pa + u * (pb - pa))
        }
        // Rounding in the CDF and its inverse can step just outside the window.
        return Swift.min(Swift.max(x, alpha), beta)
    }

    func sample(_ stream: RandomStream) -> Double {
        if let x = inverseCDF(stream.uniformPositive()) { return x }
        if alpha >= 0 { return Self.upperTail(from: alpha, to: beta, stream) }
        return -Self.upperTail(from: -beta, to: -alpha, stream)
    }

    /// Z conditioned on a <= Z <= b for a >= `inversionLimit`, by rejection.
    private static func upperTail(from a: Double, to b: Double, _ stream: RandomStream) -> Double {
        if (b - a) * a < 1 {
            while true {
                let z = a + (b - a) * stream.uniform()
                if stream.uniform() <= exp(-(z - a) * (z + a) / 2) { return z }
            }
        }
        while true {
            let z = gsl_ran_ugaussian_tail(stream.raw, a)
            if z <= b { return z }
        }
    }

    // MARK: Moments

    /// With Z0 = P(alpha <= Z <= beta), A = phi(alpha)/Z0, B = phi(beta)/Z0 (Johnson, Kotz &
    /// Balakrishnan, "Continuous Univariate Distributions" vol. 1, 2nd ed., sec. 10.1):
    /// E = A - B, Var = 1 + alpha*A - beta*B - (A - B)^2.
    var mean: Double {
        let (a, b) = densityRatios
        return a - b
    }

    var variance: Double {
        let (a, b) = densityRatios
        // alpha*A is 0 at an infinite bound (phi vanishes faster than alpha grows).
        let alphaA = alpha.isFinite ? alpha * a : 0
        let betaB = beta.isFinite ? beta * b : 0
        return 1 + alphaA - betaB - (a - b) * (a - b)
    }

    /// (phi(alpha)/Z0, phi(beta)/Z0). For a window in a tail (0 <= a < b), with the normal
    /// hazard function h(x) = phi(x)/Q(x) (the inverse Mills ratio, `gsl_sf_hazard`, accurate
    /// far into the tail where phi and Q underflow) and r = phi(b)/phi(a) = e^(-(b-a)(b+a)/2):
    /// Z0 = Q(a) - Q(b) = phi(a)/h(a) * (1 - r h(a)/h(b)), so phi(a)/Z0 = h(a)/(1 - r h(a)/h(b))
    /// and phi(b)/Z0 = r * phi(a)/Z0. No large logarithms or exponentials are subtracted, which
    /// matters for the variance: 1 + alpha*A - (A - B)^2 cancels terms of size alpha^2.
    /// A window below the mean is mirrored; one around the mean uses Phi directly.
    private var densityRatios: (Double, Double) {
        func tail(_ a: Double, _ b: Double) -> (Double, Double) {
            let ha = gsl_sf_hazard(a)
            guard b.isFinite else { return (ha, 0) }
            let r = exp(-(b - a) * (b + a) / 2)
            let ratioA = ha / (1 - r * ha / gsl_sf_hazard(b))
            return (ratioA, ratioA * r)
        }
        if alpha >= 0 { return tail(alpha, beta) }
        if beta <= 0 {
            let (b, a) = tail(-beta, -alpha)
            return (a, b)
        }
        let mass = gsl_cdf_ugaussian_P(beta) - gsl_cdf_ugaussian_P(alpha)
        return (gsl_ran_ugaussian_pdf(alpha) / mass, gsl_ran_ugaussian_pdf(beta) / mass)
    }
}
