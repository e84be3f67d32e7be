// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>

namespace Store {

/**
 * Keeps secrets out of the plain-text tables (settings, connection config): a key that names a
 * secret ("client_secret", "refresh_token", "password", "api_key" …) is refused with a clear error.
 * Secrets belong in the SecretStore.
 */
bool looksLikeSecretKey(const QString &key);
Common::Status checkNoSecrets(const QJsonObject &object, const QString &where);

/** The same idea for text that leaves us (op log, test output): masks values of secret-named keys. */
QString redactSecrets(const QString &text);

} // namespace Store
