package uk.nhs.safety.campaign.console.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.console.History;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.api.console.Terminal;

/** A shell session holding only variables; nothing else is used by the commands. */
final class FakeSession implements Session {

    private final Map<String, Object> variables = new HashMap<>();

    static FakeSession of(String user) {
        FakeSession s = new FakeSession();
        if (user != null) {
            s.put("USER", user);
        }
        return s;
    }

    @Override
    public Object get(String name) {
        return variables.get(name);
    }

    @Override
    public void put(String name, Object value) {
        variables.put(name, value);
    }

    @Override
    public Object execute(CharSequence commandline) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InputStream getKeyboard() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PrintStream getConsole() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String readLine(String prompt, Character mask) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Terminal getTerminal() {
        return null;
    }

    @Override
    public History getHistory() {
        return null;
    }

    @Override
    public Registry getRegistry() {
        return null;
    }

    @Override
    public SessionFactory getFactory() {
        return null;
    }

    @Override
    public String resolveCommand(String name) {
        return name;
    }

    @Override
    public Path currentDir() {
        return Path.of(".");
    }

    @Override
    public void currentDir(Path path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }

    @Override
    public void run() {
    }
}
