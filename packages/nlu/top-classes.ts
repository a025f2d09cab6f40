// The first `k` classes of a probability vector in the model's order (most probable first, a tie
// to the lower index): what sorting every class and keeping the first k gives, without sorting
// ~90 classes with a comparator on every classify (only the best few are ever read).

/** Indices of the `k` most probable classes, best first; ties keep the lower index first. */
export function topClasses(probs: Float64Array, k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  for (let c = 0; c < probs.length; c++) {
    const p = probs[c]!;
    // Ascending indices: a class ranks above a kept one only with a strictly higher probability.
    let at = top.length;
    while (at > 0 && p > probs[top[at - 1]!]!) at--;
    if (at >= k) continue;
    top.splice(at, 0, c);
    if (top.length > k) top.pop();
  }
  return top;
}
