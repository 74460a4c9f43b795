// An OPC UA server on node-opcua (not Milo) whose clock breaks once, as a PLC with a faulty
// real-time clock does: it serves two variables that change every 100 ms with correct source
// timestamps and, FAULT_AFTER seconds after the first client session, sends one value of Oven1/Temperature stamped in the
// year 12000. Everything before and after is ordinary. Used by releng/scripts/recording-faults.sh.
// Usage: node clock-fault-server.js PORT [FAULT_AFTER_SECONDS]
const { OPCUAServer } = require("node-opcua-server");
const { Variant, DataType } = require("node-opcua-variant");

const port = parseInt(process.argv[2] || "4842", 10);
const faultAfter = parseFloat(process.argv[3] || "3");
const FAR_FUTURE = new Date(Date.UTC(12000, 0, 1));

(async () => {
  const server = new OPCUAServer({ port, hostname: "127.0.0.1", resourcePath: "/UA/Oven",
    buildInfo: { productName: "ClockFault", buildNumber: "1" } });
  await server.initialize();
  const ns = server.engine.addressSpace.getOwnNamespace();
  const oven = ns.addObject({ organizedBy: server.engine.addressSpace.rootFolder.objects, browseName: "Oven1" });
  const variable = (name) => ns.addVariable({ componentOf: oven, browseName: name, dataType: "Double",
    minimumSamplingInterval: 50, value: new Variant({ dataType: DataType.Double, value: 0 }) });
  const temperature = variable("Temperature");
  const pressure = variable("Pressure");
  let tick = 0;
  let faulted = false;
  let sessionAt = 0;
  server.on("create_session", () => { sessionAt = sessionAt || Date.now(); });
  setInterval(() => {
    tick++;
    const now = new Date();
    const faultNow = !faulted && sessionAt > 0 && now - sessionAt >= faultAfter * 1000;
    temperature.setValueFromSource(new Variant({ dataType: DataType.Double, value: 180 + Math.sin(tick / 10) }),
      undefined, faultNow ? FAR_FUTURE : now);
    pressure.setValueFromSource(new Variant({ dataType: DataType.Double, value: 2 + tick / 1000 }), undefined, now);
    if (faultNow) {
      faulted = true;
      console.log("fault " + now.toISOString() + " Oven1/Temperature stamped " + FAR_FUTURE.toISOString());
    }
  }, 100);
  await server.start();
  console.log("ready " + server.getEndpointUrl());
})().catch((e) => { console.error(e); process.exit(1); });
