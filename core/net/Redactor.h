// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Net::Redactor {

/**
 * Text that leaves the process through the op log or a log line passes through here. Two layers:
 * values registered with remember() (every token, code and secret we ever handled) are replaced
 * wherever they appear, and secret-named JSON/form keys, Authorization headers and JWT-looking or
 * amoCRM-refresh-token-looking strings are masked. Thread-safe.
 */
void remember(const QString &secret);
QString scrub(const QString &text);

} // namespace Net::Redactor
