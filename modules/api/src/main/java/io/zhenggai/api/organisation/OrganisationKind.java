package io.zhenggai.api.organisation;

/** What an organisation is; the kind carries no rule of access, the grants do. */
public enum OrganisationKind {
    /** A province, city or district: the parent of the bodies and units in it. */
    REGION("地区"),
    /** An inspected unit (被巡察单位): a bureau, committee, SOE, school … */
    UNIT("单位"),
    /**
     * An inspection group: a 巡视组 or a 巡察组. The kind does not say which (the inspection's own kind does), so the
     * label names both and never hard-codes one of the two words.
     */
    INSPECTION_GROUP("巡视巡察组"),
    /** An overseeing body (巡察办, 纪委监委). */
    OVERSEEING_BODY("监督机构");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
