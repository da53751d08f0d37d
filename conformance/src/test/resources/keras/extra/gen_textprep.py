"""String, integer, hashing and text preprocessing layers (these need TensorFlow) and the audio
spectrogram layers, saved as real-Keras files. Run from this directory with:
    KERAS_BACKEND=tensorflow keras-tf gen_textprep.py
String inputs and outputs are stored in NAME.io.npz as numpy unicode arrays.
The STFTSpectrogram files need scipy, which that TensorFlow environment lacks; write them with
    KERAS_BACKEND=jax keras-py gen_textprep.py stft
"""

import subprocess
import sys

import numpy as np

import keras
from keras import layers as L
from genlib import rand, save_case

F = "textprep"
keras.utils.set_random_seed(11)


def case(name, model, inputs):
    save_case(F, name, model, inputs)


def words(*rows):
    return np.array(rows, dtype=str)



def text_and_mel_cases():
    # StringLookup: every output mode over a given vocabulary, mask token, several OOV buckets, inversion.
    vocab = ["cat", "dog", "fish", "été", "bird"]
    inp = keras.Input((4,), dtype="string", name="w")
    outs = [
        L.StringLookup(vocabulary=vocab, name="sl_int")(inp),
        L.StringLookup(vocabulary=vocab, mask_token="", num_oov_indices=2, name="sl_mask_oov2")(inp),
        L.StringLookup(vocabulary=vocab, output_mode="multi_hot", name="sl_multi_hot")(inp),
        L.StringLookup(vocabulary=vocab, output_mode="count", num_oov_indices=3, name="sl_count")(inp),
        L.StringLookup(vocabulary=vocab, output_mode="tf_idf", idf_weights=[0.5, 1.0, 1.5, 2.0, 2.5],
                       name="sl_tf_idf")(inp),
        L.StringLookup(vocabulary=vocab + ["zebra", "owl"], num_oov_indices=0, mask_token="", output_mode="count",
                       name="sl_no_oov")(inp),
        # (An inverted lookup stays an output: Keras records its symbolic output as int64, so a
        # layer after it would get a wrong dtype in config.json.)
        L.StringLookup(vocabulary=vocab + ["zebra", ""], invert=True, name="sl_roundtrip")(
            L.StringLookup(vocabulary=vocab + ["zebra", ""], name="sl_forward")(inp)),
    ]
    case("string_lookup_modes", keras.Model(inp, outs, name="string_lookup_modes"),
         words(["cat", "zebra", "été", ""], ["bird", "bird", "dog", "owl"], ["", "", "fish", "cat"]))

    # StringLookup one_hot on a (batch, 1) input and invert=True with a mask token as the output.
    inp = keras.Input((1,), dtype="string", name="w")
    ids = keras.Input((3,), dtype="int64", name="ids")
    outs = [
        L.StringLookup(vocabulary=vocab, output_mode="one_hot", name="sl_one_hot")(inp),
        L.StringLookup(vocabulary=vocab, invert=True, mask_token="[M]", oov_token="?", name="sl_invert")(ids),
    ]
    case("string_lookup_one_hot_invert", keras.Model([inp, ids], outs, name="string_lookup_one_hot_invert"),
         [words(["dog"], ["owl"], ["été"]), np.array([[0, 1, 2], [6, 7, 9], [3, 4, 5]], "int64")])

    # StringLookup adapted (vocabulary kept in assets), max_tokens and a mask token.
    inp = keras.Input((3,), dtype="string", name="w")
    sl = L.StringLookup(max_tokens=5, mask_token="[PAD]", name="sl_adapted")
    sl.adapt(words(["a", "b", "c"], ["b", "c", "c"], ["d", "a", "c"], ["e", "e", "b"]))
    sl2 = L.StringLookup(output_mode="tf_idf", name="sl_adapted_tfidf")
    sl2.adapt(words(["a", "b", "c"], ["b", "c", "c"], ["d", "a", "c"]))
    case("string_lookup_adapted", keras.Model(inp, [sl(inp), sl2(inp)], name="string_lookup_adapted"),
         words(["a", "zz", "c"], ["[PAD]", "b", "e"], ["d", "d", "a"]))

    # IntegerLookup: output modes, mask and OOV tokens, several OOV buckets, inversion, adapt.
    inp = keras.Input((4,), dtype="int64", name="n")
    il = L.IntegerLookup(max_tokens=6, num_oov_indices=2, name="il_adapted")
    il.adapt(np.array([[10, 20, 20, 30], [30, 30, 40, 10], [50, 60, 70, 10]], "int64"))
    outs = [
        L.IntegerLookup(vocabulary=[7, 8, 9, 100], name="il_int")(inp),
        L.IntegerLookup(vocabulary=[7, 8, 9, 100], mask_token=0, oov_token=-1, num_oov_indices=2,
                        name="il_mask")(inp),
        L.IntegerLookup(vocabulary=[7, 8, 9, 100], output_mode="multi_hot", name="il_multi_hot")(inp),
        L.IntegerLookup(vocabulary=[7, 8, 9, 100], output_mode="count", name="il_count")(inp),
        L.IntegerLookup(vocabulary=[7, 8, 9, 100], output_mode="tf_idf", idf_weights=[1.0, 0.25, 0.5, 3.0],
                        name="il_tf_idf")(inp),
        L.IntegerLookup(vocabulary=[7, 8, 9, 100], invert=True, name="il_invert")(
            L.IntegerLookup(vocabulary=[7, 8, 9, 100], name="il_fwd")(inp)),
        il(inp),
    ]
    case("integer_lookup_modes", keras.Model(inp, outs, name="integer_lookup_modes"),
         np.array([[7, 0, 9, 100], [8, 8, 55, 10], [30, 40, 0, 7]], "int64"))

    inp = keras.Input((1,), dtype="int64", name="n")
    case("integer_lookup_one_hot",
         keras.Model(inp, L.IntegerLookup(vocabulary=[3, 1, 4], output_mode="one_hot", mask_token=0,
                                          name="il_one_hot")(inp), name="integer_lookup_one_hot"),
         np.array([[3], [0], [4], [9]], "int64"))

    # Hashing: modes, mask values, a two-word salt, on strings and integers.
    s = keras.Input((3,), dtype="string", name="s")
    n = keras.Input((3,), dtype="int64", name="n")
    outs = [
        L.Hashing(num_bins=7, mask_value="", name="h_mask_str")(s),
        L.Hashing(num_bins=6, salt=[123, 456], name="h_salt_pair")(s),
        L.Hashing(num_bins=5, output_mode="multi_hot", name="h_multi_hot")(s),
        L.Hashing(num_bins=5, output_mode="count", mask_value=3, name="h_count_int")(n),
        L.Hashing(num_bins=9, mask_value=0, salt=5, name="h_mask_int_salt")(n),
    ]
    case("hashing_modes", keras.Model([s, n], outs, name="hashing_modes"),
         [words(["cat", "", "dog"], ["été", "a long string of more than sixty-four bytes, to reach the long hash path",
                                       "x"]),
          np.array([[3, 0, 12345678901], [-5, 3, 7]], "int64")])

    s = keras.Input((1,), dtype="string", name="s")
    case("hashing_one_hot", keras.Model(s, L.Hashing(num_bins=4, output_mode="one_hot", name="h_one_hot")(s),
                                        name="hashing_one_hot"),
         words(["a"], ["b"], ["c"], ["dd"]))

    # HashedCrossing: strings with integers, (batch,) and (batch, 1) inputs, int and one_hot (Keras's
    # compute_output_shape takes exactly two inputs, so no three-way cross in a functional model).
    a = keras.Input((), dtype="string", name="a")
    b = keras.Input((), dtype="int64", name="b")
    c = keras.Input((1,), dtype="string", name="c")
    d = keras.Input((1,), dtype="int32", name="d")
    outs = [
        L.HashedCrossing(num_bins=5, name="hc_int")([a, b]),
        L.HashedCrossing(num_bins=8, output_mode="one_hot", name="hc_one_hot")([a, b]),
        L.HashedCrossing(num_bins=1000, name="hc_rank2")([c, d]),
        L.HashedCrossing(num_bins=6, output_mode="one_hot", name="hc_one_hot_rank2")([c, d]),
    ]
    case("hashed_crossing", keras.Model([a, b, c, d], outs, name="hashed_crossing"),
         [np.array(["A", "B", "A", "B", "été"]), np.array([101, 101, 101, 102, -3], "int64"),
          words(["x"], ["y"], ["x"], [""], ["zz"]), np.array([[1], [2], [3], [0], [2147483647]], "int32")])

    # MelSpectrogram: dB and power outputs, a Hamming window shorter than the FFT.
    inp = keras.Input((400,), name="audio")
    outs = [
        L.MelSpectrogram(fft_length=128, sequence_stride=32, num_mel_bins=16, sampling_rate=8000,
                         name="mel_db")(inp),
        L.MelSpectrogram(fft_length=64, sequence_stride=20, sequence_length=48, window="hamming",
                         num_mel_bins=10, sampling_rate=4000, min_freq=50.0, max_freq=1800.0,
                         power_to_db=False, mag_exp=1.0, name="mel_power")(inp),
        L.MelSpectrogram(fft_length=64, sequence_stride=16, num_mel_bins=8, sampling_rate=16000,
                         top_db=20.0, ref_power=2.0, min_power=1e-6, name="mel_topdb")(inp),
    ]
    case("mel_spectrogram", keras.Model(inp, outs, name="mel_spectrogram"), rand(3, 2, 400))


def tv_adapted():
    # TextVectorization: standardize and split options, ngrams, output_sequence_length, every mode.
    corpus = np.array(["The cat sat on the mat.", "The dog ate my homework!", "A cat, a dog; a bird?",
                       "Cats and dogs"], dtype=str)
    texts = np.array(["the CAT ate the bird", "Unknown words, mostly.", ""], dtype=str)
    inp = keras.Input((), dtype="string", name="t")
    tv_int = L.TextVectorization(output_sequence_length=4, name="tv_int_truncate")
    tv_int.adapt(corpus)
    tv_pad = L.TextVectorization(max_tokens=7, output_sequence_length=8, standardize="lower",
                                 name="tv_lower_pad")
    tv_pad.adapt(corpus)
    tv_chars = L.TextVectorization(split="character", standardize="strip_punctuation",
                                   output_sequence_length=10, name="tv_chars")
    tv_chars.adapt(corpus)
    tv_ngrams = L.TextVectorization(ngrams=2, output_mode="multi_hot", max_tokens=12, name="tv_bigrams")
    tv_ngrams.adapt(corpus)
    tv_ngrams13 = L.TextVectorization(ngrams=(1, 3), output_mode="count", max_tokens=15, pad_to_max_tokens=True,
                                      name="tv_ngrams13")
    tv_ngrams13.adapt(corpus)
    tv_tfidf = L.TextVectorization(output_mode="tf_idf", max_tokens=10, pad_to_max_tokens=True,
                                   name="tv_tf_idf")
    tv_tfidf.adapt(corpus)
    outs = [tv_int(inp), tv_pad(inp), tv_chars(inp), tv_ngrams(inp), tv_ngrams13(inp), tv_tfidf(inp)]
    case("text_vectorization_adapted", keras.Model(inp, outs, name="text_vectorization_adapted"), texts)


def tv_vocab():
    inp = keras.Input((), dtype="string", name="t")
    outs = [
        L.TextVectorization(vocabulary=["cat", "dog", "the", "a"], standardize=None, split="whitespace",
                            output_sequence_length=5, name="tv_vocab_raw")(inp),
        L.TextVectorization(vocabulary=["cat", "dog", "the", "a"], output_mode="count", name="tv_vocab_count")(inp),
        L.TextVectorization(vocabulary=["cat", "dog", "the", "a"], output_mode="tf_idf",
                            idf_weights=[0.5, 1.5, 0.1, 0.2], name="tv_vocab_tfidf")(inp),
        L.TextVectorization(vocabulary=["the cat", "cat", "the", "dog"], ngrams=2, output_sequence_length=6,
                            name="tv_vocab_bigram")(inp),
    ]
    case("text_vectorization_vocab", keras.Model(inp, outs, name="text_vectorization_vocab"),
         np.array(["The cat and the dog", "a cat. A dog!", "the the cat cat cat"], dtype=str))


def tv_nosplit():
    inp = keras.Input((1,), dtype="string", name="t")
    tv = L.TextVectorization(split=None, standardize="lower_and_strip_punctuation", name="tv_nosplit")
    tv.adapt(np.array([["Hello, World"], ["hello world"], ["Bye"]], dtype=str))
    case("text_vectorization_nosplit", keras.Model(inp, tv(inp), name="text_vectorization_nosplit"),
         words(["HELLO world!"], ["bye"], ["other"]))


# TextVectorization creates a StringLookup named by Keras's per-process counter, and that name is
# written into model.weights.h5: each of these cases runs in a fresh process (as a file loaded by
# Jeras numbers its layers from zero), so that the names match.
TEXT_CASES = {"tv_adapted": tv_adapted, "tv_vocab": tv_vocab, "tv_nosplit": tv_nosplit}



def stft_cases():
    # STFTSpectrogram: every mode, padding, scaling, windows, expand_dims and both data formats.
    inp = keras.Input((160, 2), name="audio")
    outs = [
        L.STFTSpectrogram(mode="log", frame_length=32, name="stft_log")(inp),
        L.STFTSpectrogram(mode="magnitude", frame_length=24, frame_step=8, fft_length=32, padding="same",
                          window="hamming", scaling="spectrum", name="stft_magnitude")(inp),
        L.STFTSpectrogram(mode="psd", frame_length=16, frame_step=16, periodic=True, scaling=None,
                          expand_dims=True, name="stft_psd")(inp),
        L.STFTSpectrogram(mode="real", frame_length=16, frame_step=4, name="stft_real")(inp),
        L.STFTSpectrogram(mode="imag", frame_length=16, frame_step=6, window=None, name="stft_imag")(inp),
        L.STFTSpectrogram(mode="angle", frame_length=16, frame_step=8, name="stft_angle")(inp),
        L.STFTSpectrogram(mode="stft", frame_length=16, frame_step=8, expand_dims=True, name="stft_stft")(inp),
    ]
    case("stft_spectrogram", keras.Model(inp, outs, name="stft_spectrogram"), rand(4, 2, 160, 2))

    inp = keras.Input((2, 96), name="audio")
    out = L.STFTSpectrogram(mode="log", frame_length=20, frame_step=10, padding="same", data_format="channels_first",
                            expand_dims=True, name="stft_cf")(inp)
    out2 = L.STFTSpectrogram(mode="stft", frame_length=16, data_format="channels_first", name="stft_cf_flat")(inp)
    case("stft_spectrogram_channels_first", keras.Model(inp, [out, out2], name="stft_spectrogram_cf"),
         rand(5, 2, 2, 96))


if sys.argv[1:] == ["stft"]:
    stft_cases()
elif len(sys.argv) == 3 and sys.argv[1] == "text":
    TEXT_CASES[sys.argv[2]]()
else:
    text_and_mel_cases()
    for name in TEXT_CASES:
        subprocess.run([sys.executable, sys.argv[0], "text", name], check=True)
