import { describe, expect, it } from "vitest";
import { redactForModel } from "./redact-for-model.js";

describe("redactForModel", () => {
  it("masks card numbers however they are separated", () => {
    expect(redactForModel("4242.4242.4242.4242")).toBe("•••• 4242");
    expect(redactForModel("4242/4242/4242/4242 please")).toBe("•••• 4242 please");
    expect(redactForModel("4242    4242    4242    4242")).toBe("•••• 4242");
    expect(redactForModel("4242\n4242\n4242\n4242")).toBe("•••• 4242");
    expect(redactForModel("４２４２ ４２４２ ４２４２ ４２４２")).toBe("•••• 4242");
    expect(redactForModel("4242\u00a04242\u202f4242\u20134242")).toBe("•••• 4242");
  });

  it("masks account numbers written with dots or slashes", () => {
    expect(redactForModel("account 12.345.678-9")).toBe("account [account ••6789]");
    expect(redactForModel("sort code 20-00-00 account 5566/7788")).toBe("sort code 20-00-00 account [account ••7788]");
  });

  it("keeps dates, amounts and what redactText already masked", () => {
    const plain = "send $1,250.00 on 2026-11-24, or 24/11/2026, €12.000,50, card ending 4242, 3 times";
    expect(redactForModel(plain)).toBe(plain);
    expect(redactForModel("card 4242 4242 4242 4242, 2026-11-24")).toBe("card •••• 4242, 2026-11-24");
    expect(redactForModel("mail jane@example.com")).toBe("mail [email]");
  });
});
