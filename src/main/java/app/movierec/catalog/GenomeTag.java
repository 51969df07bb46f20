package app.movierec.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the tag genome's tags (genome-tags.csv), e.g. "atmospheric". */
@Entity
@Table(name = "genome_tag")
public class GenomeTag {

  /** The tag column's length, which the import checks row by row. */
  public static final int TAG_LENGTH = 256;

  @Id
  @Column(name = "tag_id")
  private int tagId;

  @Column(nullable = false, length = TAG_LENGTH)
  private String tag;

  protected GenomeTag() {}

  public GenomeTag(int tagId, String tag) {
    this.tagId = tagId;
    this.tag = tag;
  }

  public int getTagId() {
    return tagId;
  }

  public String getTag() {
    return tag;
  }
}
