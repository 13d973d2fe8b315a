package uk.nhs.safety.campaign.console.internal;

import java.time.ZoneId;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import uk.nhs.safety.campaign.api.cluster.Cluster;
import uk.nhs.safety.campaign.api.cluster.ClusterNode;
import uk.nhs.safety.campaign.api.cluster.LocalNode;
import uk.nhs.safety.campaign.api.cluster.NodePartner;

/**
 * Lists the nodes sharing the campaign database as they record themselves: id (this node marked), version, start,
 * last heartbeat, state (UP, MISSING, STOPPED) and the partners installed on each with their health there.
 */
@Service
@Command(scope = "safety", name = "cluster",
        description = "Lists the nodes sharing the campaign database, their state and their partners' health")
public class ClusterCommand extends SafetyCommand {

    /** Appended to this node's id. */
    static final String THIS_NODE = " (this node)";

    @Reference
    Cluster cluster;

    @Reference(optional = true)
    LocalNode localNode;

    ZoneId zone = ZoneId.systemDefault();

    @Override
    protected void run() {
        ShellTable table = new ShellTable().emptyTableText("no node has recorded itself yet");
        table.column("Node");
        table.column("Version");
        table.column("Started");
        table.column("Last seen");
        table.column("State");
        table.column(new WordWrapColumn("Partners", 60));
        String self = localNode == null ? null : localNode.id();
        for (ClusterNode n : cluster.nodes()) {
            table.addRow().addContent(n.id().equals(self) ? n.id() + THIS_NODE : n.id(), n.version(),
                    ConsoleSupport.timestamp(n.startedAt(), zone), ConsoleSupport.timestamp(n.lastSeen(), zone),
                    n.state(), n.partners().stream().map(ClusterCommand::partner).collect(Collectors.joining(", ")));
        }
        table.print(System.out);
    }

    /** {@code nhsla 1.1.0 DEGRADED (claims file is 40 days old)}. */
    private static String partner(NodePartner p) {
        String detail = p.health().detail();
        return p.id() + " " + p.version() + " " + p.health().status()
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }
}
