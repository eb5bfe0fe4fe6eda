package db.migration;

import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Deadlines stored before their data became JSON (the next daily close among them) are rewritten as
 * JSON, so that nothing is ever read with Java deserialization again. This one reading of the old rows
 * accepts only the classes db-scheduler's Axon tasks store (a filter refuses every other class before it
 * is loaded); a row holding anything else stops the migration, and the application, with its name.
 */
public class V16__deadline_data_as_json extends BaseJavaMigration {

    /** Java serialization streams begin with these two bytes. */
    private static final byte[] JAVA_STREAM = {(byte) 0xAC, (byte) 0xED};
    private static final ObjectInputFilter AXON_TASK_DATA = ObjectInputFilter.Config.createFilter(
            "maxdepth=4;maxrefs=64;maxbytes=16777216;"
                    + "org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;"
                    + "org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerBinaryEventData;"
                    + "java.lang.String;!*");

    @Override
    public void migrate(Context context) throws Exception {
        JacksonSerializer json = new JacksonSerializer();
        try (Statement select = context.getConnection().createStatement();
             ResultSet rows = select.executeQuery("SELECT task_name, task_instance, task_data FROM scheduled_tasks "
                     + "WHERE task_data IS NOT NULL");
             PreparedStatement update = context.getConnection().prepareStatement(
                     "UPDATE scheduled_tasks SET task_data = ? WHERE task_name = ? AND task_instance = ?")) {
            while (rows.next()) {
                byte[] data = rows.getBytes("task_data");
                if (!isJavaStream(data)) {
                    continue;
                }
                update.setBytes(1, json.serialize(readAllowed(data, rows.getString("task_name"), rows.getString("task_instance"))));
                update.setString(2, rows.getString("task_name"));
                update.setString(3, rows.getString("task_instance"));
                update.executeUpdate();
            }
        }
    }

    private static boolean isJavaStream(byte[] data) {
        return data.length >= 2 && data[0] == JAVA_STREAM[0] && data[1] == JAVA_STREAM[1];
    }

    private static Object readAllowed(byte[] data, String task, String instance) throws SQLException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(AXON_TASK_DATA);
            return in.readObject();
        } catch (IOException | ClassNotFoundException refused) {
            throw new SQLException("scheduled_tasks row " + task + "/" + instance
                    + " holds data other than an Axon deadline or scheduled event; not converted: " + refused, refused);
        }
    }
}
