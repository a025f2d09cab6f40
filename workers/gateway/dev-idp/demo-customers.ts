/**
 * The demo customers of the local stack. Their ids are the `sub` of the tokens the development
 * identity provider issues, and the seed creates their accounts. Fixed ids keep links and
 * tests stable across restarts.
 */
export interface DemoCustomer {
  id: string;
  name: string;
  email: string;
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { id: "cus_alex_kim", name: "Alex Kim", email: "alex.kim@example.com" },
  { id: "cus_maria_garcia", name: "María García", email: "maria.garcia@example.com" },
  { id: "cus_sam_okafor", name: "Sam Okafor", email: "sam.okafor@example.com" },
];
