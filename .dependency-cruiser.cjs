/**
 * The import rules of the data path (README, "Architecture"), checked by `npm test`:
 * gateway → chat Worker → durable-objects/ → packages/ → storage, one way, no cycles.
 * @type {import("dependency-cruiser").IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Modules that import each other (also through others) cannot be read or moved apart.",
      from: {},
      to: { circular: true },
    },
    {
      name: "packages-stay-plain",
      severity: "error",
      comment: "packages/ is the plain domain: it imports neither the Workers nor the Durable Object.",
      from: { path: "^packages/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(workers|durable-objects|web|scripts|bench|test)/" },
    },
    {
      name: "packages-tests-stay-below-workers",
      severity: "error",
      comment: "A test beside a package module may use test/'s helpers and scripts/'s fixtures (the database ones need them), never the Workers or the Durable Object it sits below.",
      from: { path: "^packages/.*\\.test\\.ts$" },
      to: { path: "^(workers|durable-objects|web|bench)/" },
    },
    {
      name: "durable-objects-below-workers",
      severity: "error",
      comment: "The Durable Object sits below the Workers: it imports packages/, never workers/. (Its tests may use test/'s helpers; shipped code never does, see runtime-not-tooling.)",
      from: { path: "^durable-objects/" },
      to: { path: "^(workers|web|scripts|bench)/" },
    },
    {
      name: "chat-below-gateway",
      severity: "error",
      comment: "The chat Worker never imports the gateway (the gateway calls chat, not the reverse).",
      from: { path: "^workers/chat/" },
      to: { path: "^workers/gateway/" },
    },
    {
      name: "gateway-through-rpc",
      severity: "error",
      comment: "The gateway reaches chat over its service binding: it bundles no session, dialogue, model or drizzle code (only the banking limits and id shapes it validates with).",
      from: { path: "^workers/gateway/" },
      to: { path: "^(durable-objects|packages/(db|dialogue|nlu|conversation|banking/(?!limits|ids)))", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "web-types-only",
      severity: "error",
      comment: "The customer's bundle takes only types from the server side; its code comes from the contract, money/ and encoding/ alone.",
      from: { path: "^web/" },
      to: { path: "^(workers|durable-objects|packages/(?!contract/|money/|encoding/))", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "web-without-zod",
      severity: "error",
      comment: "zod stays out of the customer's bundle (150 KiB budget): the web app never imports a schema module.",
      from: { path: "^web/src/" },
      to: { path: "(^packages/contract/.*\\.schema\\.ts$|node_modules/zod/)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "runtime-not-tooling",
      severity: "error",
      comment: "Shipped code never imports tests, scripts or benchmarks.",
      from: { path: "^(workers|durable-objects|packages|web/src)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(test|scripts|bench)/|\\.test\\.tsx?$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|web/dist|\\.wrangler|\\.data)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
