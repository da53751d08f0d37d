"""Small models shaped like the keras.io tutorials, built from Keras's own layers and keras.ops only,
compiled with the tutorial's optimizer and loss and saved compiled (compile_config in the file).

Run from this directory:
    KERAS_BACKEND=jax keras-py gen_kerasio.py                      # every case but structured_data
    KERAS_BACKEND=tensorflow keras-tf gen_kerasio.py structured_data  # IntegerLookup needs TensorFlow
Each case writes NAME.keras and NAME.io.npz: x (or x0, x1, ...) seeded inputs, y (or y0, ...) Keras's
own prediction, t (or t0, ...) training targets for a few fine-tuning steps, and adds NAME.keras to
cases.txt. Widths are shrunk so that each file stays small.
"""

import os
import sys

import numpy as np

import keras
from keras import layers as L
from keras import ops

HERE = os.path.dirname(os.path.abspath(__file__))


def numbered(prefix, arrays):
    if isinstance(arrays, (list, tuple)):
        return {f"{prefix}{i}": np.asarray(a) for i, a in enumerate(arrays)}
    return {prefix: np.asarray(arrays)}


def save_case(name, model, inputs, targets):
    """Saves the compiled model as NAME.keras with NAME.io.npz (x..., y..., t...)."""
    # Keras builds the optimizer of a compiled model when it loads it (and then writes every slot
    # when it saves again): build it here so that the file is what a load and re-save gives.
    model.optimizer.build(model.trainable_variables)
    model.save(os.path.join(HERE, name + ".keras"))
    ys = model.predict(inputs, verbose=0)
    io = {}
    io.update(numbered("x", inputs))
    io.update(numbered("y", ys))
    io.update(numbered("t", targets))
    np.savez(os.path.join(HERE, name + ".io.npz"), **io)
    print("wrote", name)


def rng(seed):
    return np.random.default_rng(seed)


def uniform(seed, *shape, low=0.0, high=1.0):
    return rng(seed).uniform(low, high, size=shape).astype("float32")


def ints(seed, high, *shape):
    return rng(seed).integers(0, high, size=shape).astype("int32")


def one_hot(labels, n):
    return np.eye(n, dtype="float32")[labels]


N = 8  # samples per file


def image_classification_from_scratch():
    aug = keras.Sequential([L.RandomFlip("horizontal"), L.RandomRotation(0.1)], name="data_augmentation")
    inputs = keras.Input((24, 24, 3))
    x = aug(inputs)
    x = L.Rescaling(1.0 / 255)(x)
    x = L.Conv2D(8, 3, strides=2, padding="same")(x)
    x = L.BatchNormalization()(x)
    x = L.Activation("relu")(x)
    previous = x
    for size in [8, 16]:
        x = L.Activation("relu")(x)
        x = L.SeparableConv2D(size, 3, padding="same")(x)
        x = L.BatchNormalization()(x)
        x = L.Activation("relu")(x)
        x = L.SeparableConv2D(size, 3, padding="same")(x)
        x = L.BatchNormalization()(x)
        x = L.MaxPooling2D(3, strides=2, padding="same")(x)
        residual = L.Conv2D(size, 1, strides=2, padding="same")(previous)
        x = L.add([x, residual])
        previous = x
    x = L.SeparableConv2D(16, 3, padding="same")(x)
    x = L.BatchNormalization()(x)
    x = L.Activation("relu")(x)
    x = L.GlobalAveragePooling2D()(x)
    x = L.Dropout(0.25)(x)
    outputs = L.Dense(1, activation=None)(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(3e-4),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True),
                  metrics=[keras.metrics.BinaryAccuracy(name="acc")])
    x = uniform(1, N, 24, 24, 3, high=255.0)
    save_case("image_classification_from_scratch", model, x, ints(2, 2, N, 1).astype("float32"))


def mnist_convnet():
    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        L.Conv2D(8, kernel_size=(3, 3), activation="relu"),
        L.MaxPooling2D(pool_size=(2, 2)),
        L.Conv2D(16, kernel_size=(3, 3), activation="relu"),
        L.MaxPooling2D(pool_size=(2, 2)),
        L.Flatten(),
        L.Dropout(0.5),
        L.Dense(10, activation="softmax"),
    ])
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    save_case("mnist_convnet", model, uniform(3, N, 28, 28, 1), one_hot(ints(4, 10, N), 10))


def cifar_resnet():
    def block(x, filters, stride):
        shortcut = x
        y = L.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False)(x)
        y = L.BatchNormalization()(y)
        y = L.ReLU()(y)
        y = L.Conv2D(filters, 3, padding="same", use_bias=False)(y)
        y = L.BatchNormalization()(y)
        if stride != 1 or shortcut.shape[-1] != filters:
            shortcut = L.Conv2D(filters, 1, strides=stride, use_bias=False)(shortcut)
            shortcut = L.BatchNormalization()(shortcut)
        return L.ReLU()(L.Add()([y, shortcut]))

    inputs = keras.Input((16, 16, 3))
    x = L.Conv2D(8, 3, padding="same", use_bias=False)(inputs)
    x = L.BatchNormalization()(x)
    x = L.ReLU()(x)
    x = block(x, 8, 1)
    x = block(x, 16, 2)
    x = L.GlobalAveragePooling2D()(x)
    outputs = L.Dense(10, activation="softmax")(x)
    model = keras.Model(inputs, outputs, name="resnet_cifar")
    model.compile(optimizer=keras.optimizers.SGD(0.1, momentum=0.9),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    save_case("cifar_resnet", model, uniform(5, N, 16, 16, 3), ints(6, 10, N))


def timeseries_transformer():
    def encoder(inputs, head_size, num_heads, ff_dim, dropout):
        x = L.MultiHeadAttention(key_dim=head_size, num_heads=num_heads, dropout=dropout)(inputs, inputs)
        x = L.Dropout(dropout)(x)
        x = L.LayerNormalization(epsilon=1e-6)(x)
        res = x + inputs
        x = L.Conv1D(filters=ff_dim, kernel_size=1, activation="relu")(res)
        x = L.Dropout(dropout)(x)
        x = L.Conv1D(filters=inputs.shape[-1], kernel_size=1)(x)
        x = L.LayerNormalization(epsilon=1e-6)(x)
        return x + res

    inputs = keras.Input((20, 1))
    x = inputs
    for _ in range(2):
        x = encoder(x, head_size=8, num_heads=2, ff_dim=4, dropout=0.25)
    x = L.GlobalAveragePooling1D(data_format="channels_first")(x)
    x = L.Dense(16, activation="relu")(x)
    x = L.Dropout(0.4)(x)
    outputs = L.Dense(2, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(loss="sparse_categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=1e-4),
                  metrics=["sparse_categorical_accuracy"])
    save_case("timeseries_transformer", model, uniform(7, N, 20, 1, low=-1.0), ints(8, 2, N))


def timeseries_forecasting_lstm():
    inputs = keras.Input(shape=(12, 3))
    lstm_out = L.LSTM(8)(inputs)
    outputs = L.Dense(1)(lstm_out)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
    save_case("timeseries_forecasting_lstm", model, uniform(9, N, 12, 3, low=-1.0), uniform(10, N, 1, low=-1.0))


def imdb_bidirectional_lstm():
    inputs = keras.Input(shape=(None,), dtype="int32")
    x = L.Embedding(50, 8)(inputs)
    x = L.Bidirectional(L.LSTM(8, return_sequences=True))(x)
    x = L.Bidirectional(L.LSTM(8))(x)
    outputs = L.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    save_case("imdb_bidirectional_lstm", model, ints(11, 50, N, 10), ints(12, 2, N, 1).astype("float32"))


def text_classification_conv1d():
    inputs = keras.Input(shape=(None,), dtype="int64")
    x = L.Embedding(60, 8)(inputs)
    x = L.Dropout(0.5)(x)
    x = L.Conv1D(8, 7, padding="valid", activation="relu", strides=3)(x)
    x = L.Conv1D(8, 7, padding="valid", activation="relu", strides=3)(x)
    x = L.GlobalMaxPooling1D()(x)
    x = L.Dense(8, activation="relu")(x)
    x = L.Dropout(0.5)(x)
    predictions = L.Dense(1, activation="sigmoid", name="predictions")(x)
    model = keras.Model(inputs, predictions)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    save_case("text_classification_conv1d", model, ints(13, 60, N, 40).astype("int64"),
              ints(14, 2, N, 1).astype("float32"))


def structured_data():
    """IntegerLookup (and StringLookup) need TensorFlow in Keras 3: run with keras-tf. String
    columns are left out (Jeras's npz reader has no string arrays), so lookups are IntegerLookup."""
    age = keras.Input(shape=(1,), name="age")
    chol = keras.Input(shape=(1,), name="chol")
    sex = keras.Input(shape=(1,), name="sex", dtype="int64")
    cp = keras.Input(shape=(1,), name="cp", dtype="int64")
    ca = keras.Input(shape=(1,), name="ca", dtype="int64")
    ages = uniform(15, 64, 1, low=30, high=70)
    chols = uniform(16, 64, 1, low=150, high=350)
    norm_age = L.Normalization()
    norm_age.adapt(ages)
    norm_chol = L.Normalization()
    norm_chol.adapt(chols)
    sex_lookup = L.IntegerLookup(vocabulary=[0, 1], output_mode="one_hot")
    cp_lookup = L.IntegerLookup(vocabulary=[0, 1, 2, 3, 4], num_oov_indices=1, output_mode="one_hot")
    ca_encoding = L.CategoryEncoding(num_tokens=4, output_mode="one_hot")
    features = L.concatenate([norm_age(age), norm_chol(chol), sex_lookup(sex), cp_lookup(cp), ca_encoding(ca)])
    x = L.Dense(16, activation="relu")(features)
    x = L.Dropout(0.5)(x)
    output = L.Dense(1, activation="sigmoid")(x)
    model = keras.Model([age, chol, sex, cp, ca], output)
    model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
    xs = [ages[:N], chols[:N], ints(17, 2, N, 1).astype("int64"), ints(18, 6, N, 1).astype("int64"),
          ints(19, 4, N, 1).astype("int64")]
    save_case("structured_data", model, xs, ints(20, 2, N, 1).astype("float32"))


def conv_autoencoder(name, noise):
    inputs = keras.Input(shape=(16, 16, 1))
    x = L.GaussianNoise(0.2)(inputs) if noise else inputs
    x = L.Conv2D(8, (3, 3), activation="relu", padding="same")(x)
    x = L.MaxPooling2D((2, 2), padding="same")(x)
    x = L.Conv2D(8, (3, 3), activation="relu", padding="same")(x)
    x = L.MaxPooling2D((2, 2), padding="same")(x)
    x = L.Conv2DTranspose(8, (3, 3), strides=2, activation="relu", padding="same")(x)
    x = L.Conv2DTranspose(8, (3, 3), strides=2, activation="relu", padding="same")(x)
    x = L.Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)
    model = keras.Model(inputs, x, name=name)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    clean = uniform(21, N, 16, 16, 1)
    if noise:
        noisy = np.clip(clean + 0.4 * rng(22).normal(size=clean.shape), 0.0, 1.0).astype("float32")
        save_case(name, model, noisy, clean)
    else:
        save_case(name, model, clean, clean)


def unet():
    inputs = keras.Input(shape=(16, 16, 3))
    c1 = L.Conv2D(8, 3, activation="relu", padding="same")(inputs)
    c1 = L.Conv2D(8, 3, activation="relu", padding="same")(c1)
    p1 = L.MaxPooling2D(2)(c1)
    c2 = L.Conv2D(16, 3, activation="relu", padding="same")(p1)
    c2 = L.Conv2D(16, 3, activation="relu", padding="same")(c2)
    p2 = L.MaxPooling2D(2)(c2)
    b = L.Conv2D(16, 3, activation="relu", padding="same")(p2)
    u2 = L.UpSampling2D(2)(b)
    u2 = L.Concatenate()([u2, c2])
    c3 = L.Conv2D(16, 3, activation="relu", padding="same")(u2)
    u1 = L.UpSampling2D(2)(c3)
    u1 = L.Concatenate()([u1, c1])
    c4 = L.Conv2D(8, 3, activation="relu", padding="same")(u1)
    outputs = L.Conv2D(3, 1, activation="softmax", padding="same")(c4)
    model = keras.Model(inputs, outputs, name="unet")
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
    save_case("unet", model, uniform(23, N, 16, 16, 3), ints(24, 3, N, 16, 16))


def siamese_tower():
    inp = keras.Input((12, 12, 1))
    x = L.BatchNormalization()(inp)
    x = L.Conv2D(4, (3, 3), activation="tanh")(x)
    x = L.AveragePooling2D(pool_size=(2, 2))(x)
    x = L.Conv2D(8, (3, 3), activation="tanh")(x)
    x = L.AveragePooling2D(pool_size=(2, 2))(x)
    x = L.Flatten()(x)
    x = L.BatchNormalization()(x)
    x = L.Dense(8, activation="tanh")(x)
    return keras.Model(inp, x, name="tower")


def siamese_distance():
    tower = siamese_tower()
    a = keras.Input((12, 12, 1), name="left")
    b = keras.Input((12, 12, 1), name="right")
    ta, tb = tower(a), tower(b)
    # Euclidean distance through keras.ops instead of the tutorial's Lambda.
    distance = ops.sqrt(ops.maximum(ops.sum(ops.square(ta - tb), axis=1, keepdims=True), 1e-7))
    x = L.BatchNormalization()(distance)
    out = L.Dense(1, activation="sigmoid")(x)
    model = keras.Model([a, b], out, name="siamese")
    model.compile(loss="binary_crossentropy", optimizer="RMSprop", metrics=["accuracy"])
    save_case("siamese_distance", model, [uniform(25, N, 12, 12, 1), uniform(26, N, 12, 12, 1)],
              ints(27, 2, N, 1).astype("float32"))


def siamese_subtract_dot():
    tower = siamese_tower()
    a = keras.Input((12, 12, 1), name="anchor")
    b = keras.Input((12, 12, 1), name="other")
    ta, tb = tower(a), tower(b)
    diff = L.Subtract()([ta, tb])
    cosine = L.Dot(axes=1, normalize=True)([ta, tb])
    x = L.Concatenate()([diff, cosine])
    out = L.Dense(1, activation="sigmoid")(x)
    model = keras.Model([a, b], out, name="siamese_dot")
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(1e-3), metrics=["accuracy"])
    save_case("siamese_subtract_dot", model, [uniform(28, N, 12, 12, 1), uniform(29, N, 12, 12, 1)],
              ints(30, 2, N, 1).astype("float32"))


def vae():
    latent_dim = 2
    images = keras.Input(shape=(12, 12, 1), name="images")
    # The sampling noise is an input: keras.random inside a functional graph is not an op node.
    epsilon = keras.Input(shape=(latent_dim,), name="epsilon")
    x = L.Conv2D(4, 3, activation="relu", strides=2, padding="same")(images)
    x = L.Conv2D(8, 3, activation="relu", strides=2, padding="same")(x)
    x = L.Flatten()(x)
    x = L.Dense(16, activation="relu")(x)
    z_mean = L.Dense(latent_dim, name="z_mean")(x)
    z_log_var = L.Dense(latent_dim, name="z_log_var")(x)
    z = z_mean + ops.exp(0.5 * z_log_var) * epsilon
    x = L.Dense(3 * 3 * 8, activation="relu")(z)
    x = L.Reshape((3, 3, 8))(x)
    x = L.Conv2DTranspose(8, 3, activation="relu", strides=2, padding="same")(x)
    x = L.Conv2DTranspose(4, 3, activation="relu", strides=2, padding="same")(x)
    decoded = L.Conv2DTranspose(1, 3, activation="sigmoid", padding="same", name="decoded")(x)
    model = keras.Model([images, epsilon], decoded, name="vae")
    model.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy")
    imgs = uniform(31, N, 12, 12, 1)
    save_case("vae", model, [imgs, rng(32).normal(size=(N, latent_dim)).astype("float32")], imgs)


def transformer_text_classifier():
    maxlen, vocab, embed_dim = 12, 40, 8
    tokens = keras.Input(shape=(maxlen,), dtype="int32", name="tokens")
    # Positions come in as a second input (0..maxlen-1) for the position Embedding.
    positions = keras.Input(shape=(maxlen,), dtype="int32", name="positions")
    x = L.Embedding(vocab, embed_dim)(tokens) + L.Embedding(maxlen, embed_dim)(positions)
    attn = L.MultiHeadAttention(num_heads=2, key_dim=embed_dim)(x, x)
    attn = L.Dropout(0.1)(attn)
    out1 = L.LayerNormalization(epsilon=1e-6)(x + attn)
    ffn = L.Dense(16, activation="relu")(out1)
    ffn = L.Dense(embed_dim)(ffn)
    ffn = L.Dropout(0.1)(ffn)
    x = L.LayerNormalization(epsilon=1e-6)(out1 + ffn)
    x = L.GlobalAveragePooling1D()(x)
    x = L.Dropout(0.1)(x)
    x = L.Dense(8, activation="relu")(x)
    x = L.Dropout(0.1)(x)
    outputs = L.Dense(2, activation="softmax")(x)
    model = keras.Model([tokens, positions], outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    pos = np.tile(np.arange(maxlen, dtype="int32"), (N, 1))
    save_case("transformer_text_classifier", model, [ints(33, vocab, N, maxlen), pos], ints(34, 2, N))


def wide_and_deep():
    wide = keras.Input(shape=(10,), name="wide")
    numeric = keras.Input(shape=(4,), name="numeric")
    category = keras.Input(shape=(1,), name="category", dtype="int32")
    emb = L.Flatten()(L.Embedding(6, 3)(category))
    deep = L.concatenate([numeric, emb])
    for units in [16, 8]:
        deep = L.Dense(units)(deep)
        deep = L.BatchNormalization()(deep)
        deep = L.ReLU()(deep)
        deep = L.Dropout(0.1)(deep)
    merged = L.concatenate([wide, deep])
    outputs = L.Dense(1, activation="sigmoid")(merged)
    model = keras.Model([wide, numeric, category], outputs, name="wide_and_deep")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss=keras.losses.BinaryCrossentropy(),
                  metrics=[keras.metrics.BinaryAccuracy()])
    xs = [ints(35, 2, N, 10).astype("float32"), uniform(36, N, 4, low=-1.0), ints(37, 6, N, 1)]
    save_case("wide_and_deep", model, xs, ints(38, 2, N, 1).astype("float32"))


def multi_input_multi_output():
    num_tags, num_words, num_departments = 6, 50, 4
    title = keras.Input(shape=(None,), name="title")
    body = keras.Input(shape=(None,), name="body")
    tags = keras.Input(shape=(num_tags,), name="tags")
    title_features = L.Embedding(num_words, 8)(title)
    body_features = L.Embedding(num_words, 8)(body)
    title_features = L.LSTM(8)(title_features)
    body_features = L.LSTM(4)(body_features)
    x = L.concatenate([title_features, body_features, tags])
    priority = L.Dense(1, name="priority")(x)
    department = L.Dense(num_departments, name="department")(x)
    model = keras.Model(inputs=[title, body, tags], outputs=[priority, department])
    model.compile(optimizer=keras.optimizers.RMSprop(1e-3),
                  loss=[keras.losses.BinaryCrossentropy(from_logits=True),
                        keras.losses.CategoricalCrossentropy(from_logits=True)],
                  loss_weights=[1.0, 0.2])
    xs = [ints(39, num_words, N, 6).astype("float32"), ints(40, num_words, N, 9).astype("float32"),
          ints(41, 2, N, num_tags).astype("float32")]
    ts = [uniform(42, N, 1), one_hot(ints(43, num_departments, N), num_departments)]
    save_case("multi_input_multi_output", model, xs, ts)


def char_lstm():
    maxlen, chars = 8, 10
    model = keras.Sequential([
        keras.Input(shape=(maxlen, chars)),
        L.LSTM(16),
        L.Dense(chars, activation="softmax"),
    ])
    model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.RMSprop(learning_rate=0.01))
    x = one_hot(ints(44, chars, N, maxlen), chars)
    save_case("char_lstm", model, x, one_hot(ints(45, chars, N), chars))


def audio_1d_cnn():
    def residual_block(x, filters, conv_num):
        s = L.Conv1D(filters, 1, padding="same")(x)
        for _ in range(conv_num - 1):
            x = L.Conv1D(filters, 3, padding="same")(x)
            x = L.Activation("relu")(x)
        x = L.Conv1D(filters, 3, padding="same")(x)
        x = L.Add()([x, s])
        x = L.Activation("relu")(x)
        return L.MaxPool1D(pool_size=2, strides=2)(x)

    inputs = keras.Input(shape=(64, 1), name="input")
    x = residual_block(inputs, 4, 2)
    x = residual_block(x, 8, 3)
    x = L.AveragePooling1D(pool_size=3, strides=3)(x)
    x = L.Flatten()(x)
    x = L.Dense(16, activation="relu")(x)
    outputs = L.Dense(3, activation="softmax", name="output")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer="Adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    save_case("audio_1d_cnn", model, uniform(46, N, 64, 1, low=-1.0), ints(47, 3, N))


def gru_seq2seq():
    enc_tokens, dec_tokens, latent = 6, 7, 8
    encoder_inputs = keras.Input(shape=(None, enc_tokens))
    _, state = L.GRU(latent, return_state=True)(encoder_inputs)
    decoder_inputs = keras.Input(shape=(None, dec_tokens))
    decoder_outputs, _ = L.GRU(latent, return_sequences=True, return_state=True)(decoder_inputs, initial_state=state)
    decoder_outputs = L.Dense(dec_tokens, activation="softmax")(decoder_outputs)
    model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    xs = [one_hot(ints(48, enc_tokens, N, 5), enc_tokens), one_hot(ints(49, dec_tokens, N, 4), dec_tokens)]
    save_case("gru_seq2seq", model, xs, one_hot(ints(50, dec_tokens, N, 4), dec_tokens))


def distillation_student():
    temperature = 3.0
    teacher = keras.Sequential([
        keras.Input(shape=(12, 12, 1)),
        L.Conv2D(16, (3, 3), strides=(2, 2), padding="same"),
        L.LeakyReLU(negative_slope=0.2),
        L.Flatten(),
        L.Dense(10),
    ], name="teacher")
    images = keras.Input(shape=(12, 12, 1))
    x = L.Conv2D(4, (3, 3), strides=(2, 2), padding="same")(images)
    x = L.LeakyReLU(negative_slope=0.2)(x)
    x = L.MaxPooling2D(pool_size=(2, 2), strides=(1, 1), padding="same")(x)
    x = L.Conv2D(8, (3, 3), strides=(2, 2), padding="same")(x)
    x = L.Flatten()(x)
    logits = L.Dense(10)(x)
    # Soft predictions at the distillation temperature, through keras.ops.
    soft = ops.softmax(logits / temperature, axis=1)
    student = keras.Model(images, soft, name="student")
    student.compile(optimizer=keras.optimizers.Adam(), loss=keras.losses.KLDivergence())
    x = uniform(51, N, 12, 12, 1)
    soft_targets = ops.convert_to_numpy(ops.softmax(teacher.predict(x, verbose=0) / temperature, axis=1))
    save_case("distillation_student", student, x, soft_targets.astype("float32"))


def ocr_cnn_bilstm():
    width, height, classes = 32, 16, 8
    image = keras.Input(shape=(width, height, 1), name="image")
    x = L.Conv2D(8, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv1")(image)
    x = L.MaxPooling2D((2, 2), name="pool1")(x)
    x = L.Conv2D(16, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same", name="Conv2")(x)
    x = L.MaxPooling2D((2, 2), name="pool2")(x)
    x = L.Reshape(target_shape=((width // 4), (height // 4) * 16), name="reshape")(x)
    x = L.Dense(16, activation="relu", name="dense1")(x)
    x = L.Dropout(0.2)(x)
    x = L.Bidirectional(L.LSTM(12, return_sequences=True, dropout=0.25))(x)
    x = L.Bidirectional(L.LSTM(8, return_sequences=True, dropout=0.25))(x)
    context = L.Attention()([x, x])
    x = L.Concatenate()([x, context])
    # Per-step softmax with sparse categorical crossentropy (the tutorial's CTC loss aside).
    x = L.Dense(classes + 1, activation="softmax", name="dense2")(x)
    model = keras.Model(image, x, name="ocr_model_v1")
    model.compile(optimizer=keras.optimizers.Adam(), loss="sparse_categorical_crossentropy")
    save_case("ocr_cnn_bilstm", model, uniform(52, N, width, height, 1), ints(53, classes + 1, N, width // 4))


def timeseries_conv1d_gap():
    input_layer = keras.Input((32, 1))
    x = input_layer
    for _ in range(3):
        x = L.Conv1D(filters=8, kernel_size=3, padding="same")(x)
        x = L.BatchNormalization()(x)
        x = L.ReLU()(x)
    gap = L.GlobalAveragePooling1D()(x)
    output_layer = L.Dense(2, activation="softmax")(gap)
    model = keras.Model(inputs=input_layer, outputs=output_layer)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["sparse_categorical_accuracy"])
    save_case("timeseries_conv1d_gap", model, uniform(54, N, 32, 1, low=-1.0), ints(55, 2, N))


CASES = {
    "image_classification_from_scratch": image_classification_from_scratch,
    "mnist_convnet": mnist_convnet,
    "cifar_resnet": cifar_resnet,
    "timeseries_transformer": timeseries_transformer,
    "timeseries_forecasting_lstm": timeseries_forecasting_lstm,
    "imdb_bidirectional_lstm": imdb_bidirectional_lstm,
    "text_classification_conv1d": text_classification_conv1d,
    "structured_data": structured_data,
    "conv_autoencoder": lambda: conv_autoencoder("conv_autoencoder", False),
    "denoising_autoencoder": lambda: conv_autoencoder("denoising_autoencoder", True),
    "unet": unet,
    "siamese_distance": siamese_distance,
    "siamese_subtract_dot": siamese_subtract_dot,
    "vae": vae,
    "transformer_text_classifier": transformer_text_classifier,
    "wide_and_deep": wide_and_deep,
    "multi_input_multi_output": multi_input_multi_output,
    "char_lstm": char_lstm,
    "audio_1d_cnn": audio_1d_cnn,
    "gru_seq2seq": gru_seq2seq,
    "distillation_student": distillation_student,
    "ocr_cnn_bilstm": ocr_cnn_bilstm,
    "timeseries_conv1d_gap": timeseries_conv1d_gap,
}
TF_ONLY = {"structured_data"}

if __name__ == "__main__":
    wanted = sys.argv[1:] or [n for n in CASES if n not in TF_ONLY]
    for name in wanted:
        # A fresh name scope per case: auto-named sublayers (MultiHeadAttention's softmax and dropout)
        # get the names a load in a new process gives them.
        keras.backend.clear_session()
        keras.utils.set_random_seed(1000 + list(CASES).index(name))
        CASES[name]()
    with open(os.path.join(HERE, "cases.txt"), "w") as f:
        f.write("# Every Keras file of kerasio/, one per line: KerasIoTutorialFilesTest fails on a different set.\n")
        for name in sorted(CASES):
            if os.path.exists(os.path.join(HERE, name + ".keras")):
                f.write(name + ".keras\n")
