package io.zhenggai.api.rectification;

/** Role in the rectification leadership group (整改工作领导小组). */
public enum LeadershipRole {
    LEADER("组长"),
    EXECUTIVE_DEPUTY("常务副组长"),
    DEPUTY("副组长"),
    MEMBER("成员");

    private final String label;

    LeadershipRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Leaders (组长, 常务副组长, 副组长) carry direct responsibility (直接责任) for items; members do not. */
    public boolean leads() {
        return this != MEMBER;
    }
}
