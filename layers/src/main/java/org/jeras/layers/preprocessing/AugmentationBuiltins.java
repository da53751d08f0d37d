package org.jeras.layers.preprocessing;

import org.jeras.core.config.BuiltinProvider;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.Layer;

/** Registers Keras's image augmentation layers. */
public final class AugmentationBuiltins implements BuiltinProvider {
  @Override
  public void register(Registry.Builtins b) {
    String m = "keras.layers";
    b.add(Layer.class, m, "RandomFlip", RandomFlip::fromConfig);
    b.add(Layer.class, m, "RandomRotation", RandomRotation::fromConfig);
    b.add(Layer.class, m, "RandomZoom", RandomZoom::fromConfig);
    b.add(Layer.class, m, "RandomTranslation", RandomTranslation::fromConfig);
    b.add(Layer.class, m, "RandomContrast", RandomContrast::fromConfig);
    b.add(Layer.class, m, "RandomBrightness", RandomBrightness::fromConfig);
    b.add(Layer.class, m, "RandomCrop", RandomCrop::fromConfig);
    b.add(Layer.class, m, "RandomShear", RandomShear::fromConfig);
    b.add(Layer.class, m, "RandomGrayscale", RandomGrayscale::fromConfig);
    b.add(Layer.class, m, "RandomInvert", RandomInvert::fromConfig);
    b.add(Layer.class, m, "Solarization", Solarization::fromConfig);
    b.add(Layer.class, m, "AutoContrast", AutoContrast::fromConfig);
    b.add(Layer.class, m, "RandomColorDegeneration", RandomColorDegeneration::fromConfig);
    b.add(Layer.class, m, "RandomSharpness", RandomSharpness::fromConfig);
    b.add(Layer.class, m, "RandomPosterization", RandomPosterization::fromConfig);
    b.add(Layer.class, m, "RandomGaussianBlur", RandomGaussianBlur::fromConfig);
    b.add(Layer.class, m, "RandomErasing", RandomErasing::fromConfig);
    b.add(Layer.class, m, "Equalization", Equalization::fromConfig);
    b.add(Layer.class, m, "ContrastLimitedAdaptiveHistogramEqualization",
        ContrastLimitedAdaptiveHistogramEqualization::fromConfig);
    b.add(Layer.class, m, "MaxNumBoundingBoxes", MaxNumBoundingBoxes::fromConfig);
    b.add(Layer.class, m, "Pipeline", Pipeline::fromConfig);
    b.add(Layer.class, m, "RandomHue", RandomHue::fromConfig);
    b.add(Layer.class, m, "RandomSaturation", RandomSaturation::fromConfig);
    b.add(Layer.class, m, "RandomColorJitter", RandomColorJitter::fromConfig);
    b.add(Layer.class, m, "MixUp", MixUp::fromConfig);
    b.add(Layer.class, m, "CutMix", CutMix::fromConfig);
    b.add(Layer.class, m, "RandomPerspective", RandomPerspective::fromConfig);
    b.add(Layer.class, m, "RandomElasticTransform", RandomElasticTransform::fromConfig);
    b.add(Layer.class, m, "AugMix", AugMix::fromConfig);
    b.add(Layer.class, m, "RandAugment", RandAugment::fromConfig);
  }
}
