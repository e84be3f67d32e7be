// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Database.h"

#include <QString>

namespace Storage {

/**
 * An SQL expression for the database server's time in Unix milliseconds: one clock for every engine of
 * a store, whatever their own clocks say (lane leases and account claims compare times that other
 * engines wrote). On SQLite the server is this machine.
 */
QString serverNowMs(const Database &db);

} // namespace Storage
