package fushun.platform.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reads a paged list endpoint to its end, checking on every page what the platform's {@code Page}
 * promises: the same total, the page and size asked for, a full page until the last.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * Every item of {@code path} (which may carry its own query), {@code size} at a time, as JSON
     * objects; fails unless the endpoint answers {@code total} on every page and that many items.
     */
    public static List<Map<String, Object>> readAll(MockMvc mvc, String path, String authorization, int size,
            int total) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        int pages = Math.max(1, (total + size - 1) / size);
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; page < pages; page++) {
            int expected = Math.min(size, total - page * size);
            String body = mvc.perform(get(path + separator + "size=" + size + "&page=" + page)
                            .header("Authorization", authorization))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(total))
                    .andExpect(jsonPath("$.page").value(page))
                    .andExpect(jsonPath("$.size").value(size))
                    .andExpect(jsonPath("$.items.length()").value(Math.max(0, expected)))
                    .andReturn().getResponse().getContentAsString();
            items.addAll(JsonPath.<List<Map<String, Object>>>read(body, "$.items"));
        }
        return items;
    }
}
