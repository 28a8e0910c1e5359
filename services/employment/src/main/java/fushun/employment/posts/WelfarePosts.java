package fushun.employment.posts;

import fushun.employment.labour.People;
import fushun.platform.alert.ReceivedAlert;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.security.DivisionCodes;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rural public-welfare posts (乡村公益性岗位) as the seed has them: set by need (按需设岗), hire per post
 * (以岗聘任, {@link PostHires}), subsidy while on the post from attendance (在岗领补,
 * {@link MonthlySubsidies}), orderly exit with a reason (有序退岗). Here: the posts with their holders
 * counted, and for an alert the posts with a free seat.
 */
@Service
public class WelfarePosts {

    public record Post(UUID id, String divisionCode, String postType, int seats, BigDecimal monthlySubsidy, int holders) {
    }

    /** For an alert: the household's labourers, and a page of the posts with a free seat in its county, nearest first. */
    public record Suggestions(UUID alertId, UUID householdId, List<UUID> labourers, Page<Post> posts) {
    }

    private final JdbcClient jdbc;
    private final ReceivedAlerts alerts;
    private final People people;

    public WelfarePosts(JdbcClient jdbc, ReceivedAlerts alerts, People people) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.people = people;
    }

    @Transactional
    public Post create(String village, String postType, int seats, BigDecimal monthlySubsidy, String by,
                       Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(village)) {
            throw new NotFoundException("该村不在您的管辖范围内。");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into welfare_post (id, division_code, post_type, seats, monthly_subsidy, created_by)
                        values (:id, :d, :type, :seats, :subsidy, :by)""")
                .param("id", id).param("d", village).param("type", postType).param("seats", seats)
                .param("subsidy", monthlySubsidy).param("by", by).update();
        return post(id, jurisdiction);
    }

    /**
     * The post in the caller's division, its row locked for the rest of the transaction: hires of one
     * post take turns here, so the last seat goes to one of them. Its holders are not counted here.
     */
    Post lockForHire(UUID postId, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select id, division_code, post_type, seats, monthly_subsidy, 0 as holders from welfare_post
                        where id = :id and division_code like :scope for update""")
                .param("id", postId).param("scope", jurisdiction.likePattern()).query(Post.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该公益性岗位。"));
    }

    /** The post's monthly subsidy, which a month's attendance pays in full or in part. */
    BigDecimal monthlySubsidyOf(UUID postId) {
        return jdbc.sql("select monthly_subsidy from welfare_post where id = :p")
                .param("p", postId).query(BigDecimal.class).single();
    }

    public Suggestions suggestions(UUID alertId, Jurisdiction jurisdiction, int page, int size) {
        ReceivedAlert alert = alerts.find(alertId, jurisdiction)
                .orElseThrow(() -> new NotFoundException("没有找到该预警。"));
        List<UUID> candidates = people.labourersOf(alert.householdId());
        List<UUID> onAPost = candidates.isEmpty() ? List.of() : jdbc.sql(
                        "select person_id from post_holding where exited_on is null and person_id in (:people)")
                .param("people", candidates).query(UUID.class).list();
        List<UUID> labourers = candidates.stream().filter(p -> !onAPost.contains(p)).toList();
        String withFreeSeat = """
                select p.id, p.division_code, p.post_type, p.seats, p.monthly_subsidy, count(h.id)::int as holders
                from welfare_post p left join post_holding h on h.post_id = p.id and h.exited_on is null
                where p.division_code like :county
                group by p.id having count(h.id) < p.seats""";
        String county = DivisionCodes.countyOf(alert.divisionCode()) + "%";
        long total = jdbc.sql("select count(*) from (" + withFreeSeat + ") free").param("county", county)
                .query(Long.class).single();
        List<Post> posts = jdbc.sql("select id, division_code, post_type, seats, monthly_subsidy, holders from ("
                        + withFreeSeat + """
                        ) free
                        order by division_code = :village desc, left(division_code, 9) = left(:village, 9) desc,
                                 monthly_subsidy desc, id
                        limit :size offset :offset""")
                .param("county", county).param("village", alert.divisionCode())
                .param("size", size).param("offset", (long) page * size)
                .query(Post.class).list();
        return new Suggestions(alertId, alert.householdId(), labourers, new Page<>(posts, page, size, total));
    }

    public Post post(UUID postId, Jurisdiction jurisdiction) {
        return posts("p.id = :id and p.division_code like :scope", postId, jurisdiction).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("没有找到该公益性岗位。"));
    }

    /** The posts in the caller's division, by village and then in the order they were set. */
    public Page<Post> posts(Jurisdiction jurisdiction, int page, int size) {
        long total = jdbc.sql("select count(*) from welfare_post where division_code like :scope")
                .param("scope", jurisdiction.likePattern()).query(Long.class).single();
        List<Post> items = jdbc.sql("""
                        select p.id, p.division_code, p.post_type, p.seats, p.monthly_subsidy, count(h.id)::int as holders
                        from welfare_post p left join post_holding h on h.post_id = p.id and h.exited_on is null
                        where p.division_code like :scope group by p.id
                        order by p.division_code, p.created_at, p.id limit :size offset :offset""")
                .param("scope", jurisdiction.likePattern()).param("size", size).param("offset", (long) page * size)
                .query(Post.class).list();
        return new Page<>(items, page, size, total);
    }

    private List<Post> posts(String where, UUID id, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select p.id, p.division_code, p.post_type, p.seats, p.monthly_subsidy, count(h.id)::int as holders
                        from welfare_post p left join post_holding h on h.post_id = p.id and h.exited_on is null
                        """ + " where " + where + " group by p.id order by p.division_code, p.created_at")
                .param("id", id).param("scope", jurisdiction.likePattern()).query(Post.class).list();
    }
}
