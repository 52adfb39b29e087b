/*
 * C reference of the Monte Carlo kernel (lib/risk/blockKernel.ts), for the speed ratio risk.bench.ts prints.
 * Same algorithm and arithmetic, step for step: blocks of BLOCK_SIZE scenarios, each on its own xoshiro128** stream
 * seeded from (seed, block) by the SplitMix32-style mixer (lib/risk/random.ts); Marsaglia polar normals with the
 * spare kept across scenarios; χ²_ν = 2·Gamma(ν/2) by Marsaglia–Tsang; z = L·ε; the scenario's stall draw; each
 * market's move (lib/risk/marketReturn.ts: the fitted table's lookup, else σ × score); each book's shortfall
 * (lib/risk/books.ts); per-scenario totals and per-market sums (per block, then added in block order). Only the
 * libm differs (glibc's log/expm1/asinh against V8's fdlibm ports), so the mean shortfall agrees to rounding, not
 * necessarily bit for bit.
 *
 * Build: cc -O2 -o mcKernel mcKernel.c -lm
 * Input (stdin, whitespace separated): markets dof logReturns(0|1) maxSlippage stallProbability seed scenarios
 *   repeats tablePoints tableMinY tableStep,
 *   then per market: horizonSigma stallSigma longNotional shortNotional marginRate impactPerSqrtNotional hasTable(0|1)
 *   and, when hasTable, its normal then its stalled return table (tablePoints values each),
 *   then the row-major markets × markets lower Cholesky factor. dof ≤ 0 means ν = ∞ (Gaussian).
 * Output: one line "ms <median wall ms of the repeats> min <fastest> cpu <least CPU ms> mean <mean shortfall>
 *   byMarket <m sums>".
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BLOCK_SIZE 4096
#define MAX_MARKETS 64
#define MAX_TABLE_POINTS 4096

typedef struct {
  uint32_t s[4];
  double spare;
  int has_spare;
} Stream;

static uint32_t finalise(uint32_t z) {
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

static void seed_stream(Stream *r, double seed, uint32_t stream) {
  double whole = trunc(fabs(seed));
  uint64_t w = (uint64_t)whole;
  uint32_t state = (uint32_t)w ^ ((uint32_t)(w >> 32) * 0x27d4eb2fu) ^ (seed < 0 ? 0x5bd1e995u : 0) ^ finalise(stream);
  for (int i = 0; i < 4; i++) {
    state += 0x9e3779b9u;
    r->s[i] = finalise(state);
  }
  if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0) r->s[0] = 1;
  r->has_spare = 0;
  r->spare = 0;
}

static inline uint32_t next_u32(Stream *r) {
  uint32_t s0 = r->s[0], s1 = r->s[1];
  uint32_t s2 = r->s[2] ^ s0, s3 = r->s[3] ^ s1;
  uint32_t m = s1 * 5u;
  uint32_t result = ((m << 7) | (m >> 25)) * 9u;
  r->s[1] = s1 ^ s2;
  r->s[0] = s0 ^ s3;
  r->s[2] = s2 ^ (s1 << 9);
  r->s[3] = (s3 << 11) | (s3 >> 21);
  return result;
}

static inline double next_signed(Stream *r) { return (double)(int32_t)next_u32(r) * 4.656612873077393e-10; }

static inline double next_double(Stream *r) {
  uint32_t hi = next_u32(r) >> 5;
  uint32_t lo = next_u32(r) >> 6;
  return ((double)hi * 67108864.0 + (double)lo) * 1.1102230246251565e-16;
}

static inline double normal(Stream *r) {
  if (r->has_spare) {
    r->has_spare = 0;
    return r->spare;
  }
  double u, v, s;
  do {
    u = next_signed(r);
    v = next_signed(r);
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  double f = sqrt((-2 * log(s)) / s);
  r->spare = v * f;
  r->has_spare = 1;
  return u * f;
}

static inline double uniform(Stream *r) {
  double u = next_double(r);
  while (u == 0) u = next_double(r);
  return u;
}

/* Gamma(shape ≥ 1) by Marsaglia–Tsang; d = shape − 1/3, c = 1/√(9d). ν > 2 keeps shape = ν/2 above 1. */
static inline double gamma_at_least_one(Stream *r, double d, double c) {
  for (;;) {
    double x, v;
    do {
      x = normal(r);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    double u = uniform(r);
    double x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

typedef struct {
  int points;
  double min_y, step;
} TableGrid;

/* lookupReturn (lib/risk/marketMove/marginal.ts): the table on the grid x = sinh(y), linear between points. */
static inline double lookup_return(const TableGrid *g, const double *table, double x) {
  double position = (asinh(x) - g->min_y) / g->step;
  if (position <= 0) return table[0];
  if (position >= g->points - 1) position = g->points - 1.000001;
  int j = (int)floor(position);
  double t = position - j;
  return table[j] * (1 - t) + table[j + 1] * t;
}

/* marketReturn (lib/risk/marketReturn.ts): a market's price return given its copula score t. */
static inline double market_return(const TableGrid *g, const double *table, double t, double sigma, int log_returns) {
  if (table) return lookup_return(g, table, t);
  double x = sigma * t;
  return log_returns ? expm1(x) : x;
}

static inline double book_shortfall(double notional, double margin_rate, double impact, double max_slippage,
                                    double r, int is_long) {
  double adverse = is_long ? -r : r;
  if (!(adverse > 0) || notional <= 0) return 0;
  double closing = notional * (1 + r);
  if (closing < 0) closing = 0;
  double slip = impact * sqrt(closing);
  if (slip > max_slippage) slip = max_slippage;
  double loss = notional * adverse + slip * closing - margin_rate * notional;
  return loss > 0 ? loss : 0;
}

typedef struct {
  int m;
  double dof;
  int log_returns;
  double max_slippage, stall_probability;
  TableGrid grid;
  double sigma[MAX_MARKETS], stall_sigma[MAX_MARKETS], long_n[MAX_MARKETS], short_n[MAX_MARKETS];
  double margin[MAX_MARKETS], impact[MAX_MARKETS];
  /* Per market its normal and stalled return tables, or NULL for σ × score. */
  double *normal_table[MAX_MARKETS], *stall_table[MAX_MARKETS];
  double lower[MAX_MARKETS * MAX_MARKETS];
} Setup;

static void simulate_block(const Setup *k, double seed, int block, int count, double *shortfalls, double *by_market) {
  Stream r;
  seed_stream(&r, seed, (uint32_t)block);
  int m = k->m;
  double eps[MAX_MARKETS];
  int gaussian = !(k->dof > 0);
  double d = 0.5 * k->dof - 1.0 / 3, c = 1 / sqrt(9 * d);
  for (int j = 0; j < m; j++) by_market[j] = 0;
  for (int s = 0; s < count; s++) {
    for (int j = 0; j < m; j++) eps[j] = normal(&r);
    double scale = gaussian ? 1 : sqrt((k->dof - 2) / (2 * gamma_at_least_one(&r, d, c)));
    int stalled = k->stall_probability > 0 && uniform(&r) < k->stall_probability;
    double *const *tables = stalled ? k->stall_table : k->normal_table;
    const double *sigmas = stalled ? k->stall_sigma : k->sigma;
    double total = 0;
    for (int i = 0; i < m; i++) {
      const double *row = k->lower + i * m;
      double sum = 0;
      for (int j = 0; j <= i; j++) sum += row[j] * eps[j];
      double t = sum * scale;
      double ret = market_return(&k->grid, tables[i], t, sigmas[i], k->log_returns);
      if (ret == 0) continue;
      double loss = ret < 0 ? book_shortfall(k->long_n[i], k->margin[i], k->impact[i], k->max_slippage, ret, 1)
                            : book_shortfall(k->short_n[i], k->margin[i], k->impact[i], k->max_slippage, ret, 0);
      if (loss > 0) {
        total += loss;
        by_market[i] += loss;
      }
    }
    shortfalls[s] = total;
  }
}

static double clock_ms(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(void) {
  static Setup k;
  double seed;
  int scenarios, repeats;
  if (scanf("%d %lf %d %lf %lf %lf %d %d %d %lf %lf", &k.m, &k.dof, &k.log_returns, &k.max_slippage,
            &k.stall_probability, &seed, &scenarios, &repeats, &k.grid.points, &k.grid.min_y, &k.grid.step) != 11 ||
      k.m < 1 || k.m > MAX_MARKETS || scenarios < 1 || repeats < 1 || k.grid.points < 2 ||
      k.grid.points > MAX_TABLE_POINTS) {
    fprintf(stderr, "bad header\n");
    return 2;
  }
  for (int i = 0; i < k.m; i++) {
    int has_table;
    if (scanf("%lf %lf %lf %lf %lf %lf %d", &k.sigma[i], &k.stall_sigma[i], &k.long_n[i], &k.short_n[i], &k.margin[i],
              &k.impact[i], &has_table) != 7) {
      fprintf(stderr, "bad market %d\n", i);
      return 2;
    }
    k.normal_table[i] = k.stall_table[i] = NULL;
    if (!has_table) continue;
    k.normal_table[i] = malloc(sizeof(double) * k.grid.points);
    k.stall_table[i] = malloc(sizeof(double) * k.grid.points);
    for (int side = 0; side < 2; side++) {
      double *table = side == 0 ? k.normal_table[i] : k.stall_table[i];
      for (int j = 0; j < k.grid.points; j++) {
        if (scanf("%lf", &table[j]) != 1) {
          fprintf(stderr, "bad table of market %d\n", i);
          return 2;
        }
      }
    }
  }
  for (int i = 0; i < k.m * k.m; i++) {
    if (scanf("%lf", &k.lower[i]) != 1) {
      fprintf(stderr, "bad cholesky entry %d\n", i);
      return 2;
    }
  }
  int blocks = (scenarios + BLOCK_SIZE - 1) / BLOCK_SIZE;
  double *shortfalls = malloc(sizeof(double) * scenarios);
  double *block_sums = malloc(sizeof(double) * blocks * k.m);
  double *times = malloc(sizeof(double) * repeats);
  double *cpu_times = malloc(sizeof(double) * repeats);
  for (int rep = 0; rep < repeats; rep++) {
    double started = clock_ms(CLOCK_MONOTONIC);
    double cpu_started = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    for (int b = 0; b < blocks; b++) {
      int first = b * BLOCK_SIZE;
      int count = scenarios - first < BLOCK_SIZE ? scenarios - first : BLOCK_SIZE;
      simulate_block(&k, seed, b, count, shortfalls + first, block_sums + b * k.m);
    }
    times[rep] = clock_ms(CLOCK_MONOTONIC) - started;
    cpu_times[rep] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu_started;
  }
  qsort(times, repeats, sizeof(double), compare);
  qsort(cpu_times, repeats, sizeof(double), compare);
  double sum = 0;
  for (int s = 0; s < scenarios; s++) sum += shortfalls[s];
  printf("ms %.3f min %.3f cpu %.3f mean %.17g byMarket", times[(repeats - 1) / 2], times[0], cpu_times[0],
         sum / scenarios);
  for (int i = 0; i < k.m; i++) {
    double total = 0;
    for (int b = 0; b < blocks; b++) total += block_sums[b * k.m + i];
    printf(" %.17g", total);
  }
  printf("\n");
  free(shortfalls);
  free(block_sums);
  free(times);
  free(cpu_times);
  for (int i = 0; i < k.m; i++) {
    free(k.normal_table[i]);
    free(k.stall_table[i]);
  }
  return 0;
}
