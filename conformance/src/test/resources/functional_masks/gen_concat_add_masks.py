# Writes concat_add_masks.json: for each layer of a functional model whose masks go through
# Masking, Concatenate and Add, [class_name, name, config (graph ops only, else null), inbound_nodes],
# as Keras 3.16 records them. Run with: keras-py gen_concat_add_masks.py
import json
import keras
from keras import layers

ids = keras.Input((5,), dtype="int32", name="ids")
emb = layers.Embedding(10, 4, mask_zero=True, name="emb")(ids)
masked = layers.Masking(name="masking")(layers.Dense(4, name="d")(emb))
cat = layers.Concatenate(name="cat")([emb, masked])
add = layers.Add(name="add")([emb, masked])
model = keras.Model(ids, [layers.LSTM(3, name="lstm")(cat), layers.LSTM(3, name="lstm2")(add)])
rows = []
for layer in model.get_config()["layers"]:
    op = layer["module"].startswith("keras.src.ops")
    rows.append([layer["class_name"], layer["name"], layer["config"] if op else None, layer["inbound_nodes"]])
with open("concat_add_masks.json", "w") as f:
    json.dump(rows, f, indent=1)
