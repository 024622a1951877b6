-- wrk script: summary line for status reads.
function done(summary, latency, requests)
  io.write(string.format("status reads: %.0f requests/s, p99 %.2f ms, p50 %.2f ms, non-2xx/errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    latency:percentile(50) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
