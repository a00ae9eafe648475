package dev.dropdeploy.build;

import org.springframework.stereotype.Component;

/** Base images from the catalog: the pinned production image when the engine has it, else the offline tag. */
@Component
class CatalogBaseImages implements BaseImages {

    private final ImageCatalog catalog;
    private final ImageEngine engine;

    CatalogBaseImages(ImageCatalog catalog, ImageEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    @Override
    public String resolve(String catalogName) {
        return catalog.resolve(catalogName, engine::exists);
    }
}
