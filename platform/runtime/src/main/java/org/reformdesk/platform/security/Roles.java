package org.reformdesk.platform.security;

/** The roles of DOMAIN.md, as they appear in the token's realm roles. */
public final class Roles {

    public static final String REFORM_OFFICE = "reform-office";
    public static final String GROUP_LIAISON = "group-liaison";
    public static final String UNIT_OFFICER = "unit-officer";
    public static final String LEADER = "leader";
    public static final String INSPECTOR = "inspector";
    public static final String ASSESSOR = "assessor";

    private Roles() {
    }
}
