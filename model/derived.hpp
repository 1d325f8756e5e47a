// Data that several rules derive from the same model (every TXT record's text, every SPF record
// parsed): built once, by the first rule that asks for it, then read by all of them, so that a
// new rule costs its own logic and not another pass over the records.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <typeindex>

namespace dnslint {

class Model;

class DerivedData {
 public:
  // The model's `T`, made with T(model) the first time any rule asks. Rules run side by side:
  // one that asks while another builds waits for it, and every rule then reads the same,
  // unchanging value.
  template <typename T>
  const T& get(const Model& model) const {
    Slot& slot = slot_for(std::type_index(typeid(T)));
    std::call_once(slot.built, [&] { slot.value = std::make_shared<const T>(model); });
    return *static_cast<const T*>(slot.value.get());
  }

  // Drops everything built: the model it was made from is about to change or go.
  void clear() { state_ = std::make_unique<State>(); }

 private:
  struct Slot {
    std::once_flag built;
    std::shared_ptr<const void> value;
  };
  struct State {
    std::mutex mutex;
    std::map<std::type_index, std::unique_ptr<Slot>> slots;
  };
  Slot& slot_for(std::type_index type) const {
    const std::lock_guard lock(state_->mutex);
    auto& slot = state_->slots[type];
    if (slot == nullptr) slot = std::make_unique<Slot>();
    return *slot;
  }

  // Behind a pointer, so that a Model moves: a mutex does not.
  std::unique_ptr<State> state_ = std::make_unique<State>();
};

}  // namespace dnslint
