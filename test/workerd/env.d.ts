import type { ChatEnv } from "../../workers/chat/env.js";
import type { GatewayEnv } from "../../workers/gateway/env.js";

// The Worker under test has the bindings of both Workers (test/wrangler.test.toml).
declare global {
  namespace Cloudflare {
    interface Env extends ChatEnv, Omit<GatewayEnv, "ENVIRONMENT"> {}
    interface GlobalProps {
      mainModule: typeof import("./worker-under-test.js");
    }
  }
}
