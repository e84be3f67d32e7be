// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLoggingCategory>

namespace Mapping {

Q_DECLARE_LOGGING_CATEGORY(lcMapping)

/**
 * The translation context "Mapping" for every user-visible string of the mapping (explanations,
 * validation messages, skip reasons): Text::tr("…") is found by lupdate and translated at run time.
 */
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Mapping)
};

} // namespace Mapping
