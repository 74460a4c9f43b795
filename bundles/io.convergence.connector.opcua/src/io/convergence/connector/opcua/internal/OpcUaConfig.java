package io.convergence.connector.opcua.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The settings of one OPC UA connector, one factory configuration per server. */
@ObjectClassDefinition(id = OpcUaConnector.FACTORY_PID, name = "OPC UA connector",
    description = "Connects to an OPC UA server, maps its variables to points and subscribes to them.")
public @interface OpcUaConfig {

    @AttributeDefinition(name = "Connector id", description = "Unique id of this connector in the runtime; the source of its points and events.")
    String id();

    @AttributeDefinition(name = "Endpoint", description = "Server address: opc.tcp://host:port[/path].")
    String endpoint();

    @AttributeDefinition(name = "Security policy", options = {
        @Option(label = "None", value = "None"),
        @Option(label = "Basic256Sha256", value = "Basic256Sha256")})
    String securityPolicy() default "None";

    @AttributeDefinition(name = "Security mode", description = "None goes with policy None; Sign or SignAndEncrypt with Basic256Sha256.",
        options = {
            @Option(label = "None", value = "None"),
            @Option(label = "Sign", value = "Sign"),
            @Option(label = "Sign and encrypt", value = "SignAndEncrypt")})
    String securityMode() default "None";

    @AttributeDefinition(name = "User name", description = "Empty for an anonymous session.", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Allow a password without encryption",
        description = "With security policy None nothing authenticates the server and the password may travel in "
            + "clear text. Refused unless this is on; use Basic256Sha256 instead where the server offers it.")
    boolean allowPasswordWithoutEncryption() default false;

    @AttributeDefinition(name = "PKI folder", description = "Holds own/ (this client's certificate and key), trusted/, issuer/ and rejected/. Empty for ${user.home}/.convergence/pki.",
        required = false)
    String pkiDir() default "";

    @AttributeDefinition(name = "Path prefix", description = "Segments (separated by /) put in front of every point path, such as acme/lyon.",
        required = false)
    String pathPrefix() default "";

    @AttributeDefinition(name = "Browse root", description = "NodeId below which variables are mapped to points; i=85 is the Objects folder.")
    String browseRoot() default "i=85";

    @AttributeDefinition(name = "Subscribe to all", description = "Browse the whole space below the root and subscribe to every variable.")
    boolean subscribeAll() default true;

    @AttributeDefinition(name = "Sampling interval (ms)", min = "0")
    double samplingIntervalMs() default 100;

    @AttributeDefinition(name = "Publishing interval (ms)", min = "1")
    double publishingIntervalMs() default 100;

    @AttributeDefinition(name = "Queue size", description = "Values the server keeps per item between publishes.", min = "1")
    int queueSize() default 10;

    @AttributeDefinition(name = "Request timeout (ms)", min = "100")
    int requestTimeoutMs() default 10_000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)", min = "1000")
    int maxReconnectDelayMs() default 30_000;
}
