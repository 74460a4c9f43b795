package io.convergence.analytics.oee.internal;

import java.util.Hashtable;
import java.util.Map;

import io.convergence.analytics.oee.core.Calendar;
import io.convergence.analytics.oee.core.ConfigCalendar;
import io.convergence.analytics.oee.core.OeeSettings;
import io.convergence.api.business.BusinessData;
import io.convergence.api.model.AnalyticsModel;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One OEE model per factory configuration of {@value #FACTORY_PID}: reads the configuration and
 * registers the model as an {@link AnalyticsModel} (the model host runs it). It registers the service
 * itself so that the service property {@value AnalyticsModel#ID_PROPERTY} carries the configured id.
 * With an ERP source it follows that source's {@link BusinessData} service.
 */
@Component(service = {}, configurationPid = OeeComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OeeConfig.class, factory = true)
public final class OeeComponent {

    public static final String FACTORY_PID = "io.convergence.analytics.oee";
    /** The service property holding the line a model computes. */
    public static final String LINE_PROPERTY = "convergence.oee.line";

    private final ServiceRegistration<AnalyticsModel> registration;
    private final ServiceTracker<BusinessData, BusinessData> erp;

    /**
     * @throws IllegalArgumentException naming the setting that is wrong; DS reports the component failed with it
     */
    @Activate
    public OeeComponent(BundleContext context, Map<String, Object> properties) throws InvalidSyntaxException {
        OeeSettings settings = OeeConfigs.settings(properties);
        String source = settings.erpSource() == null ? "-" : settings.erpSource();
        erp = new ServiceTracker<>(context, context.createFilter("(&(" + Constants.OBJECTCLASS + "="
            + BusinessData.class.getName() + ")(" + BusinessData.SOURCE_PROPERTY + "=" + escape(source) + "))"), null);
        erp.open();
        OeeModel model = new OeeModel(settings, () -> calendar(settings, erp.getService()));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(AnalyticsModel.ID_PROPERTY, model.id());
        props.put(AnalyticsModel.TYPE_PROPERTY, OeeModel.TYPE);
        props.put(LINE_PROPERTY, settings.line().toString());
        props.put(Constants.SERVICE_DESCRIPTION, "OEE of " + settings.line());
        registration = context.registerService(AnalyticsModel.class, model, props);
    }

    /** The line's calendar: with the ERP's when it is there. */
    static Calendar calendar(OeeSettings s, @Nullable BusinessData erp) {
        ConfigCalendar config = new ConfigCalendar(s.shifts(), s.breaks(), s.zone());
        return erp == null ? config : new ErpCalendar(config, s.shifts().isEmpty(), erp, s.line());
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        erp.close();
    }
}
