// A press-shop OPC UA server on node-opcua (not Milo), for the interoperability check in
// releng/scripts/product-smoke.sh. Usage: node press-server.js PORT
const { OPCUAServer } = require("node-opcua-server");
const { Variant, DataType } = require("node-opcua-variant");

const port = parseInt(process.argv[2] || "4841", 10);
let tick = 0;

(async () => {
  const server = new OPCUAServer({ port, hostname: "127.0.0.1", resourcePath: "/UA/Press",
    buildInfo: { productName: "PressShop", buildNumber: "1" } });
  await server.initialize();
  const ns = server.engine.addressSpace.getOwnNamespace();
  const press = ns.addObject({ organizedBy: server.engine.addressSpace.rootFolder.objects, browseName: "Press1" });
  const analog = (name, f) => ns.addVariable({ componentOf: press, browseName: name, dataType: "Double",
    minimumSamplingInterval: 100, value: { get: () => new Variant({ dataType: DataType.Double, value: f() }) } });
  analog("Force", () => 800 + 200 * Math.sin(tick / 10));
  analog("Stroke", () => 120 * Math.abs(Math.sin(tick / 5)));
  analog("OilTemp", () => 45 + tick / 100);
  ns.addVariable({ componentOf: press, browseName: "Strokes", dataType: "UInt32", minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.UInt32, value: tick }) } });
  ns.addVariable({ componentOf: press, browseName: "Mode", dataType: "String", minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.String, value: tick % 20 < 10 ? "auto" : "setup" }) } });
  setInterval(() => tick++, 100);
  await server.start();
  console.log("ready " + server.getEndpointUrl());
})().catch((e) => { console.error(e); process.exit(1); });
