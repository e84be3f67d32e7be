// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaneConfig.h"
#include "common/Result.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <memory>

namespace Engine {

/**
 * The engine's settings keys (README, "Engine settings"), read into a lane's config when the engine
 * starts it: `contacts.match_rule`, `contacts.refresh_interval_s`, `forms.as` (and per connection
 * `forms.as.<connection name>`), `customers.upsert_contacts`, `retry.*`, `lane.round_size`. A bad value is an
 * error naming the key, never silently replaced. Any thread.
 */
namespace EngineSettings {

inline const QString kMatchRule = QStringLiteral("contacts.match_rule");
inline const QString kContactRefresh = QStringLiteral("contacts.refresh_interval_s");
inline const QString kFormsAs = QStringLiteral("forms.as");
inline const QString kCustomers = QStringLiteral("customers.upsert_contacts");
inline const QString kRetryFirstDelay = QStringLiteral("retry.first_delay_s");
inline const QString kRetryMaxAttempts = QStringLiteral("retry.max_attempts");
inline const QString kRoundSize = QStringLiteral("lane.round_size");

/** Applies the settings to @p config (its connection name picks the per-connection keys). */
Common::Status apply(std::shared_ptr<Storage::Database> db, LaneConfig &config);
/** The settings as they apply to one connection, for `crmbridgectl status` (defaults filled in). */
Common::Result<QJsonObject> describe(std::shared_ptr<Storage::Database> db, const QString &connectionName);

} // namespace EngineSettings

} // namespace Engine
