/**
 * mulberry32: a tiny seeded PRNG with identical output in Node and workerd. Used wherever a
 * result must be reproducible from a seed (NLU training splits and shuffles, demo data); never
 * for anything secret (that is crypto.getRandomValues).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
