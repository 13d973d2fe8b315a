package uk.nhs.safety.campaign.console.internal;

import org.apache.karaf.shell.api.console.CommandLine;

/** A command line with the cursor at the end of its last argument. */
record FakeCommandLine(String... arguments) implements CommandLine {

    @Override
    public int getCursorArgumentIndex() {
        return arguments.length - 1;
    }

    @Override
    public String getCursorArgument() {
        return arguments[arguments.length - 1];
    }

    @Override
    public int getArgumentPosition() {
        return getCursorArgument().length();
    }

    @Override
    public String[] getArguments() {
        return arguments.clone();
    }

    @Override
    public int getBufferPosition() {
        return getBuffer().length();
    }

    @Override
    public String getBuffer() {
        return String.join(" ", arguments);
    }
}
