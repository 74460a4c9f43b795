package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigProblem;
import io.convergence.ui.connections.internal.ConnectorType;
import io.convergence.ui.connections.internal.FormField;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.FormProblems;

import org.junit.jupiter.api.Test;

/** The form generated from the real OPC UA connector's MetaType, and what it writes. */
class FormModelTest {

    private final ConnectorType type = Plant.opcua();

    @Test
    void theOpcUaConnectorIsAConnectorTypeWithItsMetaTypeNameAndDescription() {
        assertEquals("OPC UA connector", type.name());
        assertTrue(type.description().contains("OPC UA server"), type.description());
        assertEquals("opcua", type.shortName());
    }

    @Test
    void everyAttributeBecomesAFieldOfTheRightKindInMetaTypeOrderWithTheIdFirst() {
        List<String> ids = type.fields().stream().map(FormField::id).toList();
        assertEquals(List.of("id", "endpoint", "securityPolicy", "securityMode", "username", "password",
            "allowPasswordWithoutEncryption", "pkiDir", "pathPrefix", "browseRoot", "subscribeAll", "samplingIntervalMs",
            "publishingIntervalMs", "queueSize", "requestTimeoutMs", "maxReconnectDelayMs"), ids);

        FormField id = field("id");
        assertEquals("Connector id", id.label());
        assertTrue(id.required());
        assertEquals(FormField.Widget.TEXT, id.widget());

        FormField endpoint = field("endpoint");
        assertTrue(endpoint.required(), "no default: required");
        assertEquals("", endpoint.defaultValue());
        assertTrue(endpoint.description().contains("opc.tcp://"), endpoint.description());

        FormField policy = field("securityPolicy");
        assertEquals(FormField.Widget.CHOICE, policy.widget());
        assertFalse(policy.required(), "has a default");
        assertEquals("None", policy.defaultValue());
        assertEquals(List.of("None", "Basic256Sha256"), policy.options().stream().map(FormField.Option::value).toList());

        FormField mode = field("securityMode");
        assertEquals(List.of(new FormField.Option("None", "None"), new FormField.Option("Sign", "Sign"),
            new FormField.Option("SignAndEncrypt", "Sign and encrypt")), mode.options());
        assertEquals("Sign and encrypt", mode.optionLabel("SignAndEncrypt"));

        assertEquals(FormField.Widget.PASSWORD, field("password").widget());
        assertEquals(AttributeSpec.Type.PASSWORD, field("password").type());
        assertFalse(field("password").required());
        assertEquals(FormField.Widget.TEXT, field("username").widget());
        assertEquals("i=85", field("browseRoot").defaultValue());

        FormField subscribeAll = field("subscribeAll");
        assertEquals(FormField.Widget.CHECKBOX, subscribeAll.widget());
        assertEquals("true", subscribeAll.defaultValue());

        assertEquals(FormField.Widget.NUMBER, field("samplingIntervalMs").widget());
        assertEquals(AttributeSpec.Type.DOUBLE, field("samplingIntervalMs").type());
        assertEquals(AttributeSpec.Type.INTEGER, field("queueSize").type());
        assertEquals("10", field("queueSize").defaultValue());
        assertEquals("10000", field("requestTimeoutMs").defaultValue());
        assertEquals("Queue size", field("queueSize").label());
        assertFalse(field("queueSize").description().isEmpty(), "descriptions become help text");
    }

    @Test
    void aNewFormIsFilledWithTheDefaultsAndWritesOnlyWhatDiffersFromThem() throws Exception {
        FormModel form = FormModel.create(type);
        assertTrue(form.isNew());
        assertEquals("None", form.value("securityMode"));
        assertEquals("true", form.value("subscribeAll"));
        assertEquals("100", form.value("samplingIntervalMs"), "a whole double shows without .0");
        assertEquals("10", form.value("queueSize"));

        form.set("id", "press-shop");
        form.set("endpoint", " opc.tcp://10.0.0.5:4840 ");
        form.set("securityPolicy", "Basic256Sha256");
        form.set("securityMode", "SignAndEncrypt");
        form.set("username", "reader");
        form.set("password", "s3cret ");
        form.set("queueSize", "20");
        form.set("samplingIntervalMs", "250.5");
        form.set("subscribeAll", "false");
        form.set("pathPrefix", "acme/lyon");

        Map<String, Object> props = form.properties();
        assertEquals(List.of("id", "endpoint", "securityPolicy", "securityMode", "username", "password", "pathPrefix",
            "subscribeAll", "samplingIntervalMs", "queueSize"), List.copyOf(props.keySet()));
        assertEquals("opc.tcp://10.0.0.5:4840", props.get("endpoint"), "text is trimmed");
        assertEquals("s3cret ", props.get("password"), "a password is taken as typed");
        assertEquals(20L, props.get("queueSize"));
        assertEquals(250.5, props.get("samplingIntervalMs"));
        assertEquals(Boolean.FALSE, props.get("subscribeAll"));

        String json = form.toJson();
        assertTrue(json.startsWith("{\n  \"io.convergence.connector.opcua\": [\n    {\n      \"id\": \"press-shop\",\n"), json);
        // The file the form writes is one the configuration files accept, typed as MetaType says.
        var entries = Plant.files().check("press-shop.json", json);
        assertEquals(1, entries.size());
        assertEquals("press-shop", entries.get(0).name());
        assertEquals(20, entries.get(0).properties().get("queueSize"));
        assertEquals(250.5, entries.get(0).properties().get("samplingIntervalMs"));
    }

    @Test
    void anEditFormShowsTheConfiguredValues() {
        FormModel form = FormModel.edit(type, Map.of("id", "line1", "endpoint", "opc.tcp://h:4840", "queueSize", 5,
            "samplingIntervalMs", 100.0, "subscribeAll", false, "securityMode", "Sign"));
        assertFalse(form.isNew());
        assertEquals("line1", form.originalId());
        assertEquals("5", form.value("queueSize"));
        assertEquals("100", form.value("samplingIntervalMs"));
        assertEquals("false", form.value("subscribeAll"));
        assertEquals("Sign", form.value("securityMode"));
        assertEquals("None", form.value("securityPolicy"), "unset fields show their default");
    }

    @Test
    void problemsOfTheConfigurationFilesLandAtTheirFields() {
        FormModel form = FormModel.create(type);
        form.set("id", "bad");
        form.set("endpoint", "opc.tcp://h:4840");
        form.set("securityMode", "Encrypt");
        form.set("queueSize", "ten");
        form.set("requestTimeoutMs", "5");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
            () -> Plant.files().check("bad.json", form.toJson()));
        FormProblems p = form.problemsOf(e.problems());
        assertEquals(Set.of("securityMode", "queueSize", "requestTimeoutMs"), p.byField().keySet(), p.describe());
        assertTrue(p.byField().get("securityMode").contains("expected one of None, Sign, SignAndEncrypt"), p.describe());
        assertTrue(p.byField().get("securityMode").contains("\"Encrypt\""), p.describe());
        assertTrue(p.byField().get("queueSize").contains("whole number"), p.describe());
        assertTrue(p.general().isEmpty(), p.describe());

        FormProblems other = form.problemsOf(List.of(new ConfigProblem("f", 1, 1, "", "not valid JSON"),
            new ConfigProblem("f", 1, 1, Plant.OPCUA + "[0].colour", "unknown property")));
        assertEquals(2, other.general().size(), "problems without a field of the form are general");
    }

    @Test
    void theFormChecksTheIdItselfAndNumbersWhileTyping() {
        FormModel form = FormModel.create(type);
        assertEquals("required: every connection needs an id", form.check(Set.of()).byField().get("id"));
        form.set("id", "line 1/a");
        assertTrue(form.check(Set.of()).byField().get("id").contains("names the file"));
        assertNotNull(form.liveProblem("id"));
        form.set("id", "line1");
        assertTrue(form.check(Set.of()).isEmpty());
        assertTrue(form.check(Set.of("line1")).byField().get("id").contains("exists already"));

        form.set("queueSize", "1.5");
        assertEquals("expected a whole number (32-bit)", form.liveProblem("queueSize"));
        form.set("queueSize", "12");
        assertNull(form.liveProblem("queueSize"));
        form.set("samplingIntervalMs", "fast");
        assertEquals("expected a number", form.liveProblem("samplingIntervalMs"));

        FormModel edit = FormModel.edit(type, Map.of("id", "line1", "endpoint", "opc.tcp://h:4840"));
        assertTrue(edit.check(Set.of("line2")).isEmpty(), "keeping its own id is fine");
    }

    private FormField field(String id) {
        return type.fields().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
