// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Sandbox::MoySklad {

class MoySkladStore;

/**
 * Seed profiles of the MoySklad sandbox. "empty": the account's own organization, store and point of
 * sale only. "demo": a camera shop — product groups and products with prices in kopecks, a bonus
 * program, private buyers (companyType individual) and two companies, retail sales over the last days
 * with their bonus earnings, and customer orders.
 */
class MoySkladSeed
{
public:
    static void fill(MoySkladStore &store, const QString &profile);
};

} // namespace Sandbox::MoySklad
