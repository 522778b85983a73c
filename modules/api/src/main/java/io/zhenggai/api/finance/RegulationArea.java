package io.zhenggai.api.finance;

/** The area a regulation (制度) governs. */
public enum RegulationArea {
    FINANCE("财务管理"),
    PROCUREMENT("采购"),
    CONTRACTS("合同"),
    RECEPTION("公务接待"),
    VEHICLES("公务用车"),
    FUNDS("经费与专项资金"),
    INFORMATION_SECURITY("信息安全"),
    PETITIONS("信访"),
    PERSONNEL("人事"),
    OTHER("其他");

    private final String label;

    RegulationArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
