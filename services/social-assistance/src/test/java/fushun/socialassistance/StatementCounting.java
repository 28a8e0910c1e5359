package fushun.socialassistance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements the current thread prepares while {@link #count} runs, to prove that a
 * request takes a bounded number of queries. Registered for every test context of this service
 * (META-INF/spring/…AutoConfiguration.imports), so the tests still share one context; outside
 * {@link #count} the wrapper only passes calls on, and other threads (listeners, the outbox relay)
 * are never counted.
 */
@AutoConfiguration
public class StatementCounting {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");
    private static final ThreadLocal<int[]> COUNTER = new ThreadLocal<>();

    /** What {@link #count} runs: a request, which may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** The statements {@code work} prepared on this thread. */
    public static int count(Work work) throws Exception {
        int[] counter = new int[1];
        COUNTER.set(counter);
        try {
            work.run();
        } finally {
            COUNTER.remove();
        }
        return counter[0];
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
            }
        };
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection target) {
            return (Connection) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("equals")) {
                            return proxy == args[0];
                        }
                        if (method.getName().equals("hashCode")) {
                            return System.identityHashCode(proxy);
                        }
                        int[] counter = COUNTER.get();
                        if (counter != null && STATEMENTS.contains(method.getName())) {
                            counter[0]++;
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
