package com.example.partner.model.internal;

import java.util.Hashtable;

import io.convergence.api.model.AnalyticsModel;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One statistics model per factory configuration of {@value #FACTORY_PID}, or one with the defaults
 * of {@link StatisticsConfig} while there is none.
 *
 * <p>All it does is read the configuration and register the model as an {@link AnalyticsModel}
 * service; the runtime's model host does the rest (feeds it live and from history, checkpoints it,
 * recomputes what changed). It registers the service itself rather than through DS: the service
 * property {@value AnalyticsModel#ID_PROPERTY} carries the configured {@code id}, which DS cannot copy
 * into a property of another name. When the configuration changes or goes, or the bundle stops, DS
 * deactivates the component; the host then takes a last checkpoint and withdraws the outputs.
 */
@Component(service = {}, configurationPid = StatisticsComponent.FACTORY_PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StatisticsConfig.class, factory = true)
public final class StatisticsComponent {

    static final String FACTORY_PID = "com.example.partner.model.statistics";

    private final ServiceRegistration<AnalyticsModel> registration;

    /**
     * @throws IllegalArgumentException naming the setting that is wrong; DS then reports the
     *     component as failed with that message
     */
    @Activate
    public StatisticsComponent(BundleContext context, StatisticsConfig config) {
        StatisticsModel model = new StatisticsModel(Settings.of(config));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(AnalyticsModel.ID_PROPERTY, model.id());
        props.put(AnalyticsModel.TYPE_PROPERTY, StatisticsModel.TYPE);
        props.put(Constants.SERVICE_DESCRIPTION, "Example Partner window statistics " + model.id());
        registration = context.registerService(AnalyticsModel.class, model, props);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }
}
