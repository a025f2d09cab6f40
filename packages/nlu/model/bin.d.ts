// A .bin import is a Data module: wrangler's default rule (and vitest.config.ts's modulesRules) hand it over as an ArrayBuffer.
declare module "*.bin" {
  const bytes: ArrayBuffer;
  export default bytes;
}
