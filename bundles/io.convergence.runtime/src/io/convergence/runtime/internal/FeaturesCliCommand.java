package io.convergence.runtime.internal;

import java.util.List;

import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code convergence features} as a command service, until the command moves to the admin bundle. */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=features")
public final class FeaturesCliCommand implements CliCommand {

    private final BundleContext bundles;
    private final FeaturesCommand command = new FeaturesCommand();

    @Activate
    public FeaturesCliCommand(BundleContext bundles) {
        this.bundles = bundles;
    }

    @Override
    public String name() {
        return command.name();
    }

    @Override
    public String summary() {
        return command.summary();
    }

    @Override
    public String help() {
        return command.help();
    }

    @Override
    public int run(CliContext context, List<String> args)
        throws io.convergence.api.cli.UsageException, io.convergence.api.cli.CommandException {
        return command.run(new Command.Context(bundles, context.out(), context.home(), context::onStop), args);
    }
}
