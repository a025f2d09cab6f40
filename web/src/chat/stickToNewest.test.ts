import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { followNewest } from "./stickToNewest.js";

/** A scroll box whose sizes the test sets, and a ResizeObserver the test fires. */
class Box {
  readonly el = document.createElement("div");
  scrollHeight = 2_000;
  clientHeight = 600;
  constructor() {
    let top = 0;
    Object.defineProperty(this.el, "scrollHeight", { get: () => this.scrollHeight });
    Object.defineProperty(this.el, "clientHeight", { get: () => this.clientHeight });
    Object.defineProperty(this.el, "scrollTop", {
      get: () => top,
      set: (value: number) => {
        top = Math.max(0, Math.min(value, this.scrollHeight - this.clientHeight));
      },
    });
  }
  /** The box scrolls to `top` (by the browser or the customer) and says so. */
  scrollTo(top: number): void {
    this.el.scrollTop = top;
    this.el.dispatchEvent(new Event("scroll"));
  }
  fromBottom(): number {
    return this.scrollHeight - this.el.scrollTop - this.clientHeight;
  }
}

let resized: Array<() => void> = [];
const realObserver = globalThis.ResizeObserver;
beforeEach(() => {
  resized = [];
  globalThis.ResizeObserver = class {
    constructor(private readonly callback: () => void) {}
    observe() {
      resized.push(this.callback);
    }
    disconnect() {}
    unobserve() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  globalThis.ResizeObserver = realObserver;
});
const resize = () => resized.forEach((callback) => callback());

describe("followNewest", () => {
  it("keeps the newest line in view when replies are drawn in after a reload, even while a smooth scroll moves the box up", () => {
    const box = new Box();
    let clock = 10_000;
    followNewest(box.el, null, () => clock);
    box.scrollTo(1_000);
    box.scrollHeight = 3_000;
    resize();
    expect(box.fromBottom()).toBe(0);
    // The smooth scroll begun before the replies came carries on to where the bottom was.
    clock += 50;
    box.scrollTo(1_400);
    box.scrollHeight = 3_400;
    resize();
    expect(box.fromBottom()).toBe(0);
  });

  it("sets right a scroll that ended short of the bottom without the customer", () => {
    const box = new Box();
    followNewest(box.el, null, () => 10_000);
    box.scrollTo(1_400);
    box.scrollTo(900);
    box.el.dispatchEvent(new Event("scrollend"));
    expect(box.fromBottom()).toBe(0);
  });

  it("stays where the customer scrolled up to, until they come back down", () => {
    const box = new Box();
    let clock = 10_000;
    followNewest(box.el, null, () => clock);
    box.scrollTo(1_400);
    box.el.dispatchEvent(new Event("wheel"));
    box.scrollTo(500);
    box.scrollHeight = 2_400;
    resize();
    box.el.dispatchEvent(new Event("scrollend"));
    expect(box.el.scrollTop).toBe(500);
    clock += 5_000;
    box.scrollTo(1_790);
    box.scrollHeight = 2_600;
    resize();
    expect(box.fromBottom()).toBe(0);
  });

  it("counts keys that scroll up as the customer's own", () => {
    const box = new Box();
    followNewest(box.el, null, () => 10_000);
    box.scrollTo(1_400);
    box.el.dispatchEvent(new KeyboardEvent("keydown", { key: "PageUp" }));
    box.scrollTo(800);
    box.scrollHeight = 2_200;
    resize();
    expect(box.el.scrollTop).toBe(800);
  });
});
