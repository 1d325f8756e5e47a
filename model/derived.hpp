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
  // unchanging value. A rule holds it as long as it reads it: release() may drop the data's
  // place here meanwhile.
  template <typename T>
  std::shared_ptr<const T> get(const Model& model) const {
    const std::shared_ptr<Slot> slot = slot_for(std::type_index(typeid(T)));
    std::call_once(slot->built, [&] { slot->value = std::make_shared<const T>(model); });
    return std::static_pointer_cast<const T>(slot->value);
  }

  // Drops `type`'s data once its last reader lets go of it: no rule left to run reads it (the
  // engine knows from Rule::reads). A rule that asks again has it made again.
  void release(std::type_index type) {
    const std::lock_guard lock(state_->mutex);
    state_->slots.erase(type);
  }

  // True while `type`'s data is kept here: built and not released.
  bool holds(std::type_index type) const {
    const std::lock_guard lock(state_->mutex);
    const auto found = state_->slots.find(type);
    return found != state_->slots.end() && found->second->value != nullptr;
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
    std::map<std::type_index, std::shared_ptr<Slot>> slots;
  };
  std::shared_ptr<Slot> slot_for(std::type_index type) const {
    const std::lock_guard lock(state_->mutex);
    auto& slot = state_->slots[type];
    if (slot == nullptr) slot = std::make_shared<Slot>();
    return slot;
  }

  // Behind a pointer, so that a Model moves: a mutex does not.
  std::unique_ptr<State> state_ = std::make_unique<State>();
};

}  // namespace dnslint
