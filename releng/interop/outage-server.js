// An OPC UA server on node-opcua with many changing variables, for fault injection: tests and
// releng/scripts/opcua-outages.sh kill it (SIGKILL) and start it again on the same port while the
// product records it. Usage: node outage-server.js PORT [VARIABLES=1000] [PERIOD_MS=500]
// Objects/Plant/Cell<k>/v<i>, Double, every variable changes every PERIOD_MS; values follow the
// clock, so a restarted server continues where the old one would have been.
const { OPCUAServer } = require("node-opcua-server");
const { Variant, DataType } = require("node-opcua-variant");

const port = parseInt(process.argv[2] || "4842", 10);
const count = parseInt(process.argv[3] || "1000", 10);
const period = parseInt(process.argv[4] || "500", 10);

(async () => {
  const server = new OPCUAServer({ port, hostname: "127.0.0.1", resourcePath: "/UA/Outage",
    buildInfo: { productName: "OutageServer", buildNumber: "1" }, maxConnectionsPerEndpoint: 20 });
  await server.initialize();
  const ns = server.engine.addressSpace.getOwnNamespace();
  const plant = ns.addFolder(server.engine.addressSpace.rootFolder.objects, { browseName: "Plant" });
  const vars = [];
  for (let i = 0; i < count; i++) {
    const cell = i % 100 === 0
      ? ns.addFolder(plant, { browseName: "Cell" + Math.floor(i / 100) }) : vars[vars.length - 1].cell;
    const v = ns.addVariable({ componentOf: cell, browseName: "v" + i, nodeId: "s=v" + i, dataType: "Double",
      minimumSamplingInterval: 0, value: new Variant({ dataType: DataType.Double, value: 0 }) });
    vars.push({ cell, v, i });
  }
  const tick = () => {
    const t = Date.now() / period;
    for (const { v, i } of vars) {
      v.setValueFromSource(new Variant({ dataType: DataType.Double, value: Math.floor(t) + i / 10000 }));
    }
  };
  tick();
  setInterval(tick, period);
  await server.start();
  console.log("ready " + server.getEndpointUrl());
})().catch((e) => { console.error(e); process.exit(1); });
