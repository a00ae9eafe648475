package dev.dropdeploy.runtime;

/**
 * An image name as Docker's reference grammar splits it: a repository, whose first component is a registry host when
 * it has a dot or a port or is {@code localhost}, and a tag.
 */
record ImageReference(String repository, String tag) {

    static ImageReference parse(String reference) {
        if (reference.contains("@")) {
            throw new IllegalArgumentException("A digest reference cannot be tagged: " + reference);
        }
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/')
                ? new ImageReference(reference.substring(0, colon), reference.substring(colon + 1))
                : new ImageReference(reference, "latest");
    }

    /** The same image under another registry host (replacing the one it names, if any). */
    ImageReference in(String registryHost) {
        return new ImageReference(registryHost + "/" + withoutRegistry(), tag);
    }

    String withoutRegistry() {
        int slash = repository.indexOf('/');
        if (slash < 0) {
            return repository;
        }
        String first = repository.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        return host ? repository.substring(slash + 1) : repository;
    }

    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}
