package dev.incidex.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** Text an update carried before the vendor edited it in place, and when Incidex saw it. */
@Entity
@Table(name = "update_version")
public class UpdateVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "update_id")
    public IncidentUpdate update;

    /** Sanitized HTML, as the update stored it then. */
    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "body_text")
    public String bodyText;

    /** When Incidex first saw this text. */
    @Column(name = "seen_at")
    public Instant seenAt;

    /** When Incidex saw the text that replaced it. */
    @Column(name = "replaced_at")
    public Instant replacedAt;
}
