package io.zhenggai.organisation.command;

/** Whether an organisation is registered; read on the command side (the directory is written in the command's transaction). */
public interface OrganisationDirectory {
    boolean exists(String organisationId);
}
