import { createGatewayApp } from "./gateway.app.js";

export default createGatewayApp();
