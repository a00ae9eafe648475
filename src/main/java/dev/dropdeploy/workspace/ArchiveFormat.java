package dev.dropdeploy.workspace;

/** Archive formats accepted as uploads. */
public enum ArchiveFormat {
    ZIP,
    TAR_GZ
}
